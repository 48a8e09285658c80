import { formatPlainNumber } from '../money/formatPlainNumber.js'
import { moneyLiteral } from '../money/moneyLiteral.js'
import { RequestValidationError } from './errors.js'
import { requestEndpoint } from './requestEndpoint.js'
import type { RequestMessage } from './requestMessage.js'

/** What the runtime adds to a request when it sends it. */
export type StringifyRequestOptions = {
  /** Echoed by Kraken in the answer; written at the top level. */
  req_id?: number | undefined
  /**
   * The WS token, written into `params.token` of requests that need one
   * (private and level3); public requests and `ping` never carry it.
   */
  token?: string | undefined
}

/**
 * The fields written as JSON numbers from the money values builders keep as
 * given (decimal strings, numbers or bigints). Kraken refuses strings there.
 */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  'order_qty',
  'limit_price',
  'display_qty',
  'cash_order_qty',
  'price',
  'trigger_price',
  'stop_price',
])

/**
 * Writes a request as the JSON text of a Kraken frame, adding `req_id` at the
 * top level and the token into `params`.
 *
 * Money fields ({@link MONEY_FIELDS}) are JSON number literals with exactly
 * the digits of a decimal string (`'26500.40'` → `26500.40`); every number is
 * written in plain shortest form, never with an exponent (`1e-8` →
 * `0.00000001`), and bigints exactly. `JSON.stringify` cannot do either.
 *
 * @throws {RequestValidationError} when a value cannot be written exactly (a
 * money string that is not a decimal, `NaN`, a non-integer `req_id`, ...).
 * Errors never contain the token.
 *
 * @example
 * ```ts
 * import { AddOrderRequest, stringifyRequest } from '@kraken-sockets/schema'
 *
 * const request = AddOrderRequest({ order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: '0.0001', limit_price: '26500.40' })
 * stringifyRequest(request, { req_id: 7, token })
 * // {"method":"add_order","params":{"order_type":"limit",...,"limit_price":26500.40,"token":"..."},"req_id":7}
 * ```
 */
export function stringifyRequest(
  request: RequestMessage,
  options: StringifyRequestOptions = {},
): string {
  const { req_id, token } = options
  const writer = new FrameWriter(labelOf(request))
  if (req_id !== undefined && !Number.isSafeInteger(req_id)) {
    throw writer.refuse('req_id', 'must be an integer')
  }
  const withToken = token !== undefined && requestEndpoint(request) !== 'public'
  if (withToken && (typeof token !== 'string' || token.length === 0)) {
    throw writer.refuse('token', 'must be a non-empty string')
  }

  let text = '{'
  let first = true
  const add = (key: string, valueText: string) => {
    text += `${first ? '' : ','}${JSON.stringify(key)}:${valueText}`
    first = false
  }
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || (key === 'req_id' && req_id !== undefined)) {
      continue
    }
    if (key === 'params' && withToken) {
      add(key, writer.object(value, key, `,"token":${JSON.stringify(token)}`))
    } else {
      add(key, writer.value(value, key, key))
    }
  }
  if (withToken && !('params' in request)) {
    add('params', `{"token":${JSON.stringify(token)}}`)
  }
  if (req_id !== undefined) add('req_id', String(req_id))
  return `${text}}`
}

function labelOf(request: RequestMessage): string {
  return 'params' in request && 'channel' in request.params
    ? `${request.method} ${request.params.channel}`
    : String(request.method)
}

/** Writes JSON values, reporting problems against the request's label. */
class FrameWriter {
  constructor(private readonly label: string) {}

  value(value: unknown, key: string | undefined, path: string): string {
    switch (typeof value) {
      case 'string': {
        if (key === undefined || !MONEY_FIELDS.has(key)) {
          return JSON.stringify(value)
        }
        const literal = moneyLiteral(value)
        if (literal === undefined) {
          throw this.refuse(
            path,
            'must be a decimal string such as "26500.4" (no exponent, no leading zeros)',
          )
        }
        return literal
      }
      case 'number':
        if (!Number.isFinite(value)) {
          throw this.refuse(path, 'must be a finite number')
        }
        return formatPlainNumber(value)
      case 'bigint':
        return value.toString()
      case 'boolean':
        return value ? 'true' : 'false'
      case 'object':
        if (value === null) return 'null'
        if (Array.isArray(value)) return this.array(value, path)
        return this.object(value, path)
      default:
        throw this.refuse(path, `cannot be written as JSON (${typeof value})`)
    }
  }

  array(items: readonly unknown[], path: string): string {
    const parts = items.map((item, index) =>
      item === undefined
        ? 'null'
        : this.value(item, undefined, `${path}[${index}]`),
    )
    return `[${parts.join(',')}]`
  }

  object(value: unknown, path: string, suffix = ''): string {
    if (!isPlainObject(value)) {
      throw this.refuse(path, 'must be a plain object')
    }
    const parts: string[] = []
    for (const [key, item] of Object.entries(value)) {
      // A token already in hand-made params is replaced by the injected one.
      if (item === undefined || (suffix && key === 'token')) continue
      parts.push(
        `${JSON.stringify(key)}:${this.value(item, key, `${path}.${key}`)}`,
      )
    }
    const body = parts.join(',')
    return `{${body}${body ? suffix : suffix.slice(1)}}`
  }

  refuse(path: string, reason: string): RequestValidationError {
    return new RequestValidationError({
      request: this.label,
      field: path.startsWith('params.') ? path.slice('params.'.length) : path,
      reason,
    })
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
