import {
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
} from './errorRoot.js'

/** Options shared by every error of `@kraken-sockets/schema`. */
export type SchemaErrorOptions = KrakenSocketsErrorOptions

/**
 * Base class of every error thrown by `@kraken-sockets/schema`; a
 * {@link KrakenSocketsError}, the root every package's errors share.
 *
 * `shortMessage` is one sentence; `message` adds `details` when there are any.
 */
export class SchemaError extends KrakenSocketsError {
  override name = 'SchemaError'
}
