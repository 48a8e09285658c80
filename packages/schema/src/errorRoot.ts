/**
 * The brand every error of every `@kraken-sockets/*` package carries on its
 * prototype. `Symbol.for` makes it one symbol across packages and across
 * duplicate installed copies, so a package that does not depend on this one
 * (`@kraken-sockets/transport`) brands its errors with the same key.
 */
const KRAKEN_SOCKETS_ERROR: unique symbol = Symbol.for(
  '@kraken-sockets/error',
) as never

/** Options shared by every error of the `@kraken-sockets/*` packages. */
export interface KrakenSocketsErrorOptions {
  /** Extra detail appended to the message on its own line. */
  details?: string | undefined
  /** The underlying error, if any. */
  cause?: unknown
}

/**
 * Whether `value` is an error of any `@kraken-sockets/*` package (schema,
 * book, transport, runtime), whichever copy of the package raised it.
 *
 * @example
 * ```ts
 * import { isKrakenSocketsError } from '@kraken-sockets/schema'
 *
 * try {
 *   await kraken.request(request)
 * } catch (error) {
 *   if (isKrakenSocketsError(error)) console.error(error.shortMessage)
 *   else throw error
 * }
 * ```
 */
export function isKrakenSocketsError(
  value: unknown,
): value is KrakenSocketsError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [KRAKEN_SOCKETS_ERROR]?: unknown })[KRAKEN_SOCKETS_ERROR] ===
      true
  )
}

/**
 * The root of every error raised or emitted by the `@kraken-sockets/*`
 * packages. `shortMessage` is one sentence; `details` holds the rest.
 * `error instanceof KrakenSocketsError` is {@link isKrakenSocketsError}: it
 * holds for every package's errors (transport's too, which carry the brand
 * without depending on this package); `instanceof` a subclass is the usual
 * prototype check.
 */
export class KrakenSocketsError extends Error {
  override name = 'KrakenSocketsError'
  /** One sentence, without detail. */
  readonly shortMessage: string
  /** Extra detail, if any. */
  readonly details: string | undefined

  constructor(shortMessage: string, options: KrakenSocketsErrorOptions = {}) {
    const message =
      options.details === undefined
        ? shortMessage
        : `${shortMessage}\n\nDetails: ${options.details}`
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }

  /** The brand check for the root, the prototype check for subclasses. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the class instanceof asks about
    if (this === KrakenSocketsError) return isKrakenSocketsError(value)
    // biome-ignore lint/complexity/noThisInStatic: a subclass: the prototype check
    return Function.prototype[Symbol.hasInstance].call(this, value)
  }
}

// On the prototype: not an own property, so never in snapshots or equality.
Object.defineProperty(KrakenSocketsError.prototype, KRAKEN_SOCKETS_ERROR, {
  value: true,
})
