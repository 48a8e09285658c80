/** Base class of every error `@kraken-sockets/book` throws (branded as a `KrakenSocketsError`). */
export class BookError extends Error {
  override name = 'BookError'
  /** One sentence, without the details. */
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(
    shortMessage: string,
    options: { details?: string; cause?: unknown } = {},
  ) {
    super(
      options.details === undefined
        ? shortMessage
        : `${shortMessage}\n\nDetails: ${options.details}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }
}

// The book takes no run-time dependency, so it carries the brand of schema's
// `KrakenSocketsError` (a registered symbol, one across packages) instead of
// extending the class: `isKrakenSocketsError(error)` and `error instanceof
// KrakenSocketsError` hold for every book error. On the prototype: never an
// own property.
Object.defineProperty(
  BookError.prototype,
  Symbol.for('@kraken-sockets/error'),
  {
    value: true,
  },
)

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
