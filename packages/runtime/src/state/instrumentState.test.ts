import type {
  Asset,
  InstrumentsSnapshotResponse,
  Pair,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { InstrumentState } from './instrumentState.js'

const asset = (id: string): Asset => ({
  id,
  status: 'enabled',
  precision: 8,
  precision_display: 5,
})
const pair = (symbol: string, status = 'online'): Pair => {
  const [base = '', quote = ''] = symbol.split('/')
  return {
    symbol,
    base,
    quote,
    status,
    qty_precision: 8,
    qty_increment: 1e-8,
    qty_min: 0.0001,
    price_precision: 1,
    price_increment: 0.1,
  }
}
const snapshot: InstrumentsSnapshotResponse = {
  channel: 'instrument',
  type: 'snapshot',
  assets: [asset('BTC'), asset('USD')],
  pairs: [pair('BTC/USD')],
}

describe('InstrumentState', () => {
  test('default: loaded() waits for the snapshot, then answers at once', async () => {
    const state = new InstrumentState()
    const waiting = state.loaded()
    state.apply(snapshot)
    const data = await waiting
    expect(data.pairs.get('BTC/USD')?.base).toBe('BTC')
    expect([...data.assets.keys()]).toEqual(['BTC', 'USD'])
    await expect(state.loaded()).resolves.toBe(data)
  })

  test('behavior: an update changes and adds; a snapshot replaces', () => {
    const state = new InstrumentState()
    state.apply(snapshot)
    state.apply({
      channel: 'instrument',
      type: 'update',
      assets: [asset('ETH')],
      pairs: [pair('BTC/USD', 'cancel_only'), pair('ETH/USD')],
    })
    expect(state.pairs.get('BTC/USD')?.status).toBe('cancel_only')
    expect(state.pairs.has('ETH/USD')).toBe(true)
    expect(state.assets.has('ETH')).toBe(true)
    state.apply(snapshot)
    expect(state.pairs.has('ETH/USD')).toBe(false)
  })

  test('error: stop() rejects a waiting loaded()', async () => {
    const state = new InstrumentState()
    const waiting = state.loaded()
    state.stop(new Error('stopped'))
    await expect(waiting).rejects.toThrow('stopped')
  })
})
