import type {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { BalanceState } from './balanceState.js'

const snapshot: BalancesSnapshotResponse = {
  channel: 'balances',
  type: 'snapshot',
  balances: [
    {
      asset: 'BTC',
      asset_class: 'currency',
      balance: 0.1234567891,
      wallets: [{ type: 'spot', id: 'main', balance: 0.1234567891 }],
    },
    { asset: 'USD', balance: 1000.5 },
  ],
}

const entry = (asset: string, balance: number, timestamp: string) => ({
  asset,
  amount: 0,
  balance,
  fee: 0,
  ledger_id: `L-${asset}`,
  ref_id: 'T-1',
  timestamp,
  type: 'trade',
})

describe('BalanceState', () => {
  test('default: a snapshot keeps each asset as sent', () => {
    const state = new BalanceState()
    expect(state.isLoaded).toBe(false)
    state.apply(snapshot)
    expect(state.isLoaded).toBe(true)
    expect(state.all.get('BTC')).toEqual({
      asset: 'BTC',
      asset_class: 'currency',
      balance: 0.1234567891,
      wallets: [{ type: 'spot', id: 'main', balance: 0.1234567891 }],
    })
    expect(state.all.get('USD')).toEqual({ asset: 'USD', balance: 1000.5 })
  })

  test('behavior: a ledger entry sets its asset to the new balance Kraken stated', () => {
    const state = new BalanceState()
    state.apply(snapshot)
    const update: BalancesUpdateResponse = {
      channel: 'balances',
      type: 'update',
      balances: [
        entry('USD', 993.7, '2024-01-01T00:00:01.5Z'),
        entry('SOL', 2, '2024-01-01T00:00:01.5Z'),
      ],
    }
    state.apply(update)
    expect(state.all.get('USD')).toEqual({
      asset: 'USD',
      balance: 993.7,
      timestamp: '2024-01-01T00:00:01.5Z',
      timestamp_ms: Date.UTC(2024, 0, 1, 0, 0, 1) + 500,
    })
    expect(state.all.get('SOL')?.balance).toBe(2)
    // The asset class outlives the update; untouched assets stay.
    state.apply({
      ...update,
      balances: [entry('BTC', 0.2, '2024-01-01T00:00:02Z')],
    })
    expect(state.all.get('BTC')?.asset_class).toBe('currency')
    expect(state.all.get('BTC')?.balance).toBe(0.2)
    expect(state.all.get('BTC')?.wallets).toBeUndefined()
  })

  test('behavior: a new snapshot replaces every balance', () => {
    const state = new BalanceState()
    state.apply(snapshot)
    state.apply({ ...snapshot, balances: [{ asset: 'EUR', balance: 5 }] })
    expect([...state.all.keys()]).toEqual(['EUR'])
  })
})
