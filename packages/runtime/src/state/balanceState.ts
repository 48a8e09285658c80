import type {
  Balance,
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
} from '@kraken-sockets/schema'
import { timestampMs } from './timestampMs.js'

/**
 * One asset's balance as Kraken last stated it. `balance` is Kraken's own
 * figure (the snapshot's, then each ledger entry's new balance), never a sum
 * computed here, so it stays exactly what Kraken sent.
 */
export interface AssetBalance {
  /** The asset, as WebSocket v2 names it (`BTC`, `USD`). */
  readonly asset: string
  /** The asset's total balance. */
  readonly balance: number
  /** `currency`, etc., when Kraken said. */
  readonly asset_class?: string
  /** The wallets of the snapshot; a ledger entry does not restate them, so they are absent after one. */
  readonly wallets?: Balance['wallets']
  /** The last ledger entry's `timestamp` (absent when only the snapshot arrived). */
  readonly timestamp?: string
  /** `timestamp` as ms since the epoch. */
  readonly timestamp_ms?: number
}

/** Balances per asset from the `balances` channel: its snapshot, then each ledger entry. */
export class BalanceState {
  #balances = new Map<string, AssetBalance>()
  #loaded = false

  /** Applies a snapshot (replacing every balance) or an update's ledger entries. */
  apply(value: BalancesSnapshotResponse | BalancesUpdateResponse): void {
    if (value.type === 'snapshot') {
      this.#balances.clear()
      this.#loaded = true
      for (const item of value.balances) {
        this.#balances.set(item.asset, {
          asset: item.asset,
          balance: item.balance,
          ...(item.asset_class === undefined
            ? {}
            : { asset_class: item.asset_class }),
          ...(item.wallets === undefined ? {} : { wallets: item.wallets }),
        })
      }
      return
    }
    for (const entry of value.balances) {
      const previous = this.#balances.get(entry.asset)
      const ms = timestampMs(entry.timestamp)
      const assetClass = entry.asset_class ?? previous?.asset_class
      this.#balances.set(entry.asset, {
        asset: entry.asset,
        balance: entry.balance,
        ...(assetClass === undefined ? {} : { asset_class: assetClass }),
        timestamp: entry.timestamp,
        ...(ms === undefined ? {} : { timestamp_ms: ms }),
      })
    }
  }

  /** Balances by asset; live and read-only. Empty until a `balances` snapshot arrived. */
  get all(): ReadonlyMap<string, AssetBalance> {
    return this.#balances
  }

  /** Whether a `balances` snapshot arrived. */
  get isLoaded(): boolean {
    return this.#loaded
  }
}
