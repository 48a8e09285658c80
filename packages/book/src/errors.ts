import { KrakenSocketsError } from '@kraken-sockets/schema'

/**
 * Base class of every error `@kraken-sockets/book` throws; a
 * `KrakenSocketsError`, the root every package's errors share.
 */
export class BookError extends KrakenSocketsError {
  override name = 'BookError'
}

/**
 * `createBook` / `createL3Book` was given unusable options (a depth Kraken
 * does not offer, a negative precision, an empty symbol).
 */
export class BookOptionsError extends BookError {
  override name = 'BookOptionsError'
  /** The option at fault. */
  readonly option: string

  constructor({ option, details }: { option: string; details: string }) {
    super(`Invalid book option "${option}".`, { details })
    this.option = option
  }
}
