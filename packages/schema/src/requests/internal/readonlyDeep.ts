/**
 * `T` with every array and object read-only, for builder parameters: callers
 * may pass `as const` literals and frozen objects, and builders never mutate
 * what they are given (they return validated copies).
 */
export type ReadonlyDeep<T> = T extends bigint | boolean | number | string
  ? T
  : T extends readonly (infer TItem)[]
    ? readonly ReadonlyDeep<TItem>[]
    : { readonly [TKey in keyof T]: ReadonlyDeep<T[TKey]> }
