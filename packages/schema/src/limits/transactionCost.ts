/**
 * A trading transaction as Kraken's rate counter sees it. Ages are the
 * time (ms) since the order was created or last amended.
 */
export type RateTransaction =
  | { readonly type: 'add' }
  | { readonly type: 'amend'; readonly ageMs: number }
  | { readonly type: 'edit'; readonly ageMs: number }
  | { readonly type: 'cancel'; readonly ageMs: number }
  | { readonly type: 'batch_add'; readonly count: number }
  | { readonly type: 'batch_cancel'; readonly agesMs: readonly number[] }

/** Age limits (ms, exclusive) of the penalty columns of Kraken's table. */
const AGE_LIMITS = [5_000, 10_000, 15_000, 45_000, 90_000, 300_000] as const

/** Penalties per age column; `0` past the last column. */
const PENALTIES = {
  amend: [3, 2, 1, 0, 0, 0],
  edit: [6, 5, 4, 2, 1, 0],
  cancel: [8, 6, 5, 4, 2, 1],
} as const

function agePenalty(kind: keyof typeof PENALTIES, ageMs: number): number {
  const column = AGE_LIMITS.findIndex((limit) => ageMs < limit)
  return column === -1 ? 0 : (PENALTIES[kind][column] ?? 0)
}

/**
 * What one transaction adds to its pair's rate counter: a fixed cost plus
 * a penalty that shrinks as the touched order gets older.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ratelimits
 * @example
 * ```ts
 * transactionCost({ type: 'cancel', ageMs: 3_000 }) // 8
 * transactionCost({ type: 'batch_add', count: 4 }) // 2
 * ```
 */
export function transactionCost(transaction: RateTransaction): number {
  switch (transaction.type) {
    case 'add':
      return 1
    case 'amend':
      return 1 + agePenalty('amend', transaction.ageMs)
    case 'edit':
      return 1 + agePenalty('edit', transaction.ageMs)
    case 'cancel':
      return agePenalty('cancel', transaction.ageMs)
    case 'batch_add':
      return transaction.count / 2
    case 'batch_cancel':
      return transaction.agesMs.reduce(
        (sum, ageMs) => sum + agePenalty('cancel', ageMs),
        0,
      )
    default:
      return transaction satisfies never
  }
}
