import * as v from 'valibot'

/**
 * RFC 3339 timestamp as Kraken sends it: 0 to 9 fraction digits, with or
 * without a zone (a documented example has 7 digits and no `Z`).
 */
export const TIMESTAMP_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?$/

/**
 * A timestamp kept as the text Kraken sent, so nanoseconds are not lost.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const TimestampSchema = v.pipe(v.string(), v.regex(TIMESTAMP_PATTERN))

/** A JSON integer such as `trade_id`, `sequence` or `req_id`. */
export const IntegerSchema = v.pipe(v.number(), v.integer())

/** A CRC32 checksum: an unsigned 32-bit integer. */
export const ChecksumSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(0xffff_ffff),
)

/** Advisories Kraken attaches to a `result`, e.g. about deprecated fields. */
export const WarningsSchema = v.array(v.string())

/** The exact decimal text of a JSON number literal, e.g. `"0.10000000"`. */
export const NUMBER_TEXT_PATTERN =
  /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

/** Exact decimal text of a price or quantity, as Kraken wrote it. */
export const NumberTextSchema = v.pipe(v.string(), v.regex(NUMBER_TEXT_PATTERN))

/** `snapshot` or `update`, the `type` of every stream message but `status`. */
export type StreamType = 'snapshot' | 'update'

/**
 * Removes the index signatures valibot's loose objects add, deeply, so that
 * a typo such as `response.lsat` fails to compile. A record with no named
 * keys (an opaque object) is kept as is.
 */
export type Precise<T> = T extends readonly (infer TItem)[]
  ? Precise<TItem>[]
  : T extends object
    ? keyof NamedKeys<T> extends never
      ? T
      : { [K in keyof NamedKeys<T>]: Precise<NamedKeys<T>[K]> }
    : T

/**
 * The named keys of `T` with their types, without the index signatures
 * (`[key: string]`, `[index: number]`, `[symbol]`) that valibot's loose
 * objects add. {@link Precise} applies it at every depth.
 */
export type NamedKeys<T> = {
  [K in keyof T as string extends K
    ? never
    : number extends K
      ? never
      : symbol extends K
        ? never
        : K]: T[K]
}
