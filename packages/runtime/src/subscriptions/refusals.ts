/**
 * Kraken's refusals that say "not now" rather than "never": a rate limit, a
 * busy or unavailable service, an expired session, or the runtime's own
 * timeout. An intent refused this way stays pending and is retried; any
 * other refusal (unknown symbol, bad parameters) is definitive.
 */
const TRANSIENT =
  /exceeded msg rate|rate limit|too many requests|timed out|timeout|ESession:|EService:(Unavailable|Busy)|socket (was lost|is not open|could not connect)|client stopped/i

/** Whether `error` (Kraken's or a local ack's) is worth retrying. */
export function isTransientRefusal(error: string | undefined): boolean {
  return error !== undefined && TRANSIENT.test(error)
}

/** Kraken's answer to a subscribe that the socket already holds. */
const ALREADY_SUBSCRIBED = /already subscribed/i

/** Whether `error` says the socket already holds the subscription (it is live). */
export function isAlreadySubscribed(error: string | undefined): boolean {
  return error !== undefined && ALREADY_SUBSCRIBED.test(error)
}
