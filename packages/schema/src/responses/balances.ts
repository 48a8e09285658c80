import * as v from 'valibot'
import { type Precise, TimestampSchema } from './shared.js'

/**
 * The balance of one asset, with its wallets.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const BalanceSchema = v.looseObject({
  asset: v.string(),
  asset_class: v.exactOptional(v.string()),
  balance: v.number(),
  wallets: v.exactOptional(
    v.array(
      v.looseObject({ type: v.string(), id: v.string(), balance: v.number() }),
    ),
  ),
})

/**
 * One ledger transaction and the asset's new balance.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const LedgerEntrySchema = v.looseObject({
  asset: v.string(),
  asset_class: v.exactOptional(v.string()),
  amount: v.number(),
  balance: v.number(),
  fee: v.number(),
  ledger_id: v.string(),
  ref_id: v.string(),
  timestamp: TimestampSchema,
  type: v.string(),
  subtype: v.exactOptional(v.string()),
  category: v.exactOptional(v.string()),
  wallet_type: v.exactOptional(v.string()),
  wallet_id: v.exactOptional(v.string()),
  user: v.exactOptional(v.string()),
})

/**
 * Every balance, sent after subscribing.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const BalancesSnapshotResponseSchema = v.looseObject({
  channel: v.literal('balances'),
  type: v.literal('snapshot'),
  sequence: v.exactOptional(v.pipe(v.number(), v.integer())),
  balances: v.array(BalanceSchema),
})

/**
 * Ledger transactions (a trade gives two, one per asset).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const BalancesUpdateResponseSchema = v.looseObject({
  channel: v.literal('balances'),
  type: v.literal('update'),
  sequence: v.exactOptional(v.pipe(v.number(), v.integer())),
  balances: v.array(LedgerEntrySchema),
})

/** The balance of one asset. */
export type Balance = Precise<v.InferOutput<typeof BalanceSchema>>
/** One ledger transaction. */
export type LedgerEntry = Precise<v.InferOutput<typeof LedgerEntrySchema>>
