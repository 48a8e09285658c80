import type * as v from 'valibot'
import { RequestValidationError } from '../errors.js'
import { type SymbolsInput, symbolList } from './fields.js'
import { parseRequest } from './parseRequest.js'

/** Keys a builder sets itself; options must not override them. */
const RESERVED_OPTIONS = ['channel', 'symbol'] as const

/**
 * Builds and validates a `subscribe` or `unsubscribe` request for one
 * channel. `symbols` is `undefined` for channels without symbols.
 */
export function buildSubscription<TSchema extends v.GenericSchema>(
  schema: TSchema,
  method: 'subscribe' | 'unsubscribe',
  channel: string,
  symbols: SymbolsInput | undefined,
  options: object,
): v.InferOutput<TSchema> {
  const label = `${method} ${channel}`
  if (typeof options !== 'object' || options === null) {
    throw new RequestValidationError({
      request: label,
      field: 'options',
      reason: 'must be an object of Kraken parameters',
    })
  }
  for (const field of RESERVED_OPTIONS) {
    if (Object.hasOwn(options, field)) {
      throw new RequestValidationError({
        request: label,
        field,
        reason:
          field === 'channel'
            ? 'is set by the builder; choose the builder of the channel instead'
            : 'is the first argument of the builder, not an option',
      })
    }
  }
  const params =
    symbols === undefined
      ? { channel, ...options }
      : { channel, symbol: symbolList(symbols), ...options }
  return parseRequest(schema, { method, params }, label)
}
