/**
 * A trading request refused by the simulated exchange. `message` is the
 * exact error string Kraken sends in the response's `error`.
 */
export class TradingRejection extends Error {
  override name = 'TradingRejection'
}

/** Kraken's error strings that the engine sends (SPEC §7.3). */
export const KRAKEN_ERRORS = Object.freeze({
  insufficientFunds: 'EOrder:Insufficient funds',
  orderMinimum: 'EOrder:Order minimum not met',
  rateLimit: 'EOrder:Rate limit exceeded',
  ordersLimit: 'EOrder:Orders limit exceeded',
  unknownOrder: 'EOrder:Unknown order',
  postOnly: 'EOrder:Post only order',
  unknownPair: 'EQuery:Unknown asset pair',
  unavailable: 'EService:Unavailable',
  deadlineElapsed: 'EService:Deadline elapsed',
  cancelOnly: 'EService:Market in cancel_only mode',
  postOnlyMode: 'EService:Market in post_only mode',
  limitOnly: 'EService:Market in limit_only mode',
  reduceOnlyMode: 'EService:Market in reduce_only mode',
  unsupportedMethod: 'Unsupported event',
})

/** `EGeneral:Invalid arguments:<detail>`. */
export function invalidArguments(detail: string): TradingRejection {
  return new TradingRejection(`EGeneral:Invalid arguments:${detail}`)
}

/** Kraken's type error for a number sent as anything else, e.g. `Limit_price field must be a number_float`. */
export function notAFloat(field: string): TradingRejection {
  const name = field.charAt(0).toUpperCase() + field.slice(1)
  return new TradingRejection(`${name} field must be a number_float`)
}

/** The analogous type error for integer fields (`Timeout field must be a number_int`). */
export function notAnInt(field: string): TradingRejection {
  const name = field.charAt(0).toUpperCase() + field.slice(1)
  return new TradingRejection(`${name} field must be a number_int`)
}
