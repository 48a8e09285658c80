/** Options every desk error takes. */
export interface DeskErrorOptions {
  /** More detail than the one-sentence message. */
  readonly details?: string | undefined
  /** The underlying error. */
  readonly cause?: unknown
}

/** Base class of the desk's own errors. */
export class DeskError extends Error {
  override name = 'DeskError'
  /** One sentence, without the details. */
  readonly shortMessage: string
  /** More detail, when there is any. */
  readonly details: string | undefined

  constructor(shortMessage: string, options: DeskErrorOptions = {}) {
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

/** The risk rules a refusal can name. */
export type RiskRule =
  | 'mode'
  | 'symbol_allow_list'
  | 'max_order_notional'
  | 'max_open_orders'
  | 'price_band'
  | 'max_orders_per_minute'
  | 'no_reference_price'
  | 'unknown_order'

/** The risk policy refused an order before anything was sent to Kraken. */
export class RiskRefusedError extends DeskError {
  override name = 'RiskRefusedError'
  /** The rule that refused it. */
  readonly rule: RiskRule

  constructor(rule: RiskRule, details: string) {
    super(`The risk policy refused the order (rule: ${rule}).`, { details })
    this.rule = rule
  }
}

/** The desk's configuration is unusable (e.g. paper mode on a non-loopback venue). */
export class DeskConfigError extends DeskError {
  override name = 'DeskConfigError'
}

/** An operation's input did not match its schema. */
export class DeskInputError extends DeskError {
  override name = 'DeskInputError'
  /** Each issue as `path: message`. */
  readonly issues: readonly string[]

  constructor(operation: string, issues: readonly string[]) {
    super(`Invalid input for "${operation}".`, { details: issues.join('; ') })
    this.issues = issues
  }
}

/** An operation needs something the desk does not have (an unknown id, a missing book). */
export class DeskNotFoundError extends DeskError {
  override name = 'DeskNotFoundError'
}

/** The desk waited longer than its order timeout for Kraken's answer: the order may be live. */
export class DeskTimeoutError extends DeskError {
  override name = 'DeskTimeoutError'
  /** The `cl_ord_id` to look for on the executions channel, if any. */
  readonly clOrdId: string | undefined

  constructor(method: string, timeout: number, clOrdId: string | undefined) {
    super(`No answer from Kraken to "${method}" within ${timeout} ms.`, {
      details: 'The outcome is unknown: the order may be live.',
    })
    this.clOrdId = clOrdId
  }
}
