import { describe, expect, test } from 'vitest'
import { symbolHint } from './symbolHint.js'

const listed = ['BTC/USD', 'ETH/USD', 'DOGE/USD', 'ETH/BTC']
const legacy = new Map([
  ['XBT', 'BTC'],
  ['XXBT', 'BTC'],
  ['XDG', 'DOGE'],
  ['XXDG', 'DOGE'],
  ['XETH', 'ETH'],
  ['ZUSD', 'USD'],
])

describe('symbolHint', () => {
  test('default: the same letters in another spelling', () => {
    expect(symbolHint('btc-usd', listed)).toBe('Kraken v2 calls it BTC/USD.')
    expect(symbolHint('ETHUSD', listed)).toBe('Kraken v2 calls it ETH/USD.')
  })

  test('behavior: older asset names lead to the v2 symbol', () => {
    expect(symbolHint('XBT/USD', listed, legacy)).toBe(
      'Kraken v2 calls it BTC/USD.',
    )
    expect(symbolHint('XXBTZUSD', listed, legacy)).toBe(
      'Kraken v2 calls it BTC/USD.',
    )
    expect(symbolHint('xdg/usd', listed, legacy)).toBe(
      'Kraken v2 calls it DOGE/USD.',
    )
    expect(symbolHint('ETH/XBT', listed, legacy)).toBe(
      'Kraken v2 calls it ETH/BTC.',
    )
  })

  test('behavior: without the older names, or for a pair not listed, no hint', () => {
    expect(symbolHint('XBT/USD', listed)).toBeUndefined()
    expect(symbolHint('XBT/EUR', listed, legacy)).toBeUndefined()
    expect(symbolHint('BTC/USD', listed, legacy)).toBeUndefined()
    expect(symbolHint('', listed, legacy)).toBeUndefined()
  })
})
