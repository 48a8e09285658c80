import { describe, expect, test } from 'vitest'
import { createInstrumentStore } from './instrumentStore.js'

const pair = {
  symbol: 'BTC/USD',
  base: 'BTC',
  quote: 'USD',
  status: 'online',
  qty_precision: 8,
  price_precision: 1,
  price_increment: 0.1,
  qty_increment: 1e-8,
  qty_min: 0.0001,
}

describe('createInstrumentStore', () => {
  test('default', async () => {
    const store = createInstrumentStore()
    expect(store.isLoaded).toBe(false)
    store.apply({ type: 'snapshot', pairs: [pair] })
    await store.loaded
    expect(store.get('BTC/USD')).toEqual(pair)
  })

  test('behavior: updates change listed pairs; a snapshot replaces all', () => {
    const store = createInstrumentStore()
    store.apply({ type: 'snapshot', pairs: [pair] })
    store.apply({ type: 'update', pairs: [{ ...pair, status: 'cancel_only' }] })
    expect(store.get('BTC/USD')?.status).toBe('cancel_only')
    store.apply({ type: 'snapshot', pairs: [{ ...pair, symbol: 'ETH/USD' }] })
    expect([...store.pairs.keys()]).toEqual(['ETH/USD'])
  })
})
