/** Kraken's answer to an unknown method or channel, or an unreadable frame (live). */
export const UNSUPPORTED_EVENT = 'Unsupported event'

/** Kraken's answer to malformed params. */
export const INVALID_ARGUMENTS = 'EGeneral:Invalid arguments'

/** Kraken's answer to a symbol it does not list (live; the symbol is appended). */
export function pairNotSupported(symbol: string): string {
  return `Currency pair not supported ${symbol}`
}

/** Kraken's answer to a second subscription of the same symbol (live). */
export const ALREADY_SUBSCRIBED = 'Already subscribed'

/** Kraken's answer to an unsubscribe of something not subscribed (live, via a third party). */
export const SUBSCRIPTION_NOT_FOUND = 'Subscription Not Found'

/** The message-rate error (third-party report, SPEC §7.1). */
export const EXCEEDED_MSG_RATE = 'Exceeded msg rate'
