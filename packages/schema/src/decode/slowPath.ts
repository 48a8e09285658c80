import * as v from 'valibot'
import type { ResponseType } from '../responses/responseType.js'
import { HeartbeatResponse } from '../responses/responseTypes.js'
import { findNonFinite, nonFiniteMessage } from './finiteNumbers.js'
import { isRecord, makeBookLevel, makeL3Order } from './levels.js'
import { quoteNumbers } from './lossless.js'
import { issuePath } from './paths.js'
import { decoded, finish, frameFailure } from './results.js'
import { type ChannelRoute, channelRoutes, methodRoutes } from './routes.js'
import type { DecodedResponse, DecodeItemError, DecodeResult } from './types.js'

type Loose = Record<string, unknown>

/**
 * Decodes a frame with valibot alone. It is the reference the fast path must
 * agree with, and what explains a failure with a path.
 */
export function decodeSlow(text: string): DecodeResult {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch (cause) {
    return frameFailure(text, '', `Frame is not JSON: ${String(cause)}`, text)
  }
  if (!isRecord(frame)) {
    return frameFailure(text, '', 'Frame is not a JSON object.', frame)
  }
  // A frame with `method` answers a request, even when it also has `channel`.
  if ('method' in frame) return decodeMethod(text, frame)
  if ('channel' in frame) return decodeChannel(text, frame)
  return frameFailure(
    text,
    '',
    'Frame has neither "method" nor "channel".',
    frame,
  )
}

function decodeMethod(text: string, frame: Loose): DecodeResult {
  const type =
    typeof frame.method === 'string'
      ? methodRoutes.get(frame.method)
      : undefined
  if (type === undefined) {
    return frameFailure(
      text,
      'method',
      `Unknown method ${describe(frame.method)}.`,
      frame,
    )
  }
  return validateWhole(text, type, frame, '')
}

function validateWhole(
  text: string,
  type: ResponseType,
  value: Loose,
  base: string,
): DecodeResult {
  const failed = check(type.schema, value, base, value)
  if (failed === undefined) return finish(text, [decoded(type, value)], [])
  return finish(text, [], [failed])
}

/**
 * Validates `value` against `schema`, then refuses a declared number that
 * is not finite; the error, with `item` as the item received, or `undefined`.
 */
function check(
  schema: v.GenericSchema,
  value: unknown,
  base: string,
  item: unknown,
): DecodeItemError | undefined {
  const result = v.safeParse(schema, value)
  if (!result.success) return itemError(base, result.issues[0], item)
  const nonFinite = findNonFinite(schema, value, base)
  return nonFinite === undefined
    ? undefined
    : { path: nonFinite.path, message: nonFiniteMessage(nonFinite), item }
}

function itemError(
  base: string,
  issue: v.BaseIssue<unknown>,
  item: unknown,
): DecodeItemError {
  return { path: issuePath(base, issue), message: issue.message, item }
}

function decodeChannel(text: string, frame: Loose): DecodeResult {
  const route =
    typeof frame.channel === 'string'
      ? channelRoutes.get(frame.channel)
      : undefined
  if (route === undefined) {
    return frameFailure(
      text,
      'channel',
      `Unknown channel ${describe(frame.channel)}.`,
      frame,
    )
  }
  if (route.shape === 'heartbeat')
    return validateWhole(text, HeartbeatResponse, frame, '')
  const streamType =
    frame.type === 'snapshot' || frame.type === 'update'
      ? frame.type
      : undefined
  const type = streamType && route.types[streamType]
  if (streamType === undefined || type === undefined) {
    return frameFailure(
      text,
      'type',
      `Unexpected type ${describe(frame.type)} on channel "${frame.channel}".`,
      frame,
    )
  }
  const envelope = { channel: frame.channel, type: streamType }
  if (route.shape === 'object') {
    if (!isRecord(frame.data))
      return frameFailure(text, 'data', 'Expected an object.', frame.data)
    return validateWhole(text, type, { ...envelope, ...frame.data }, 'data')
  }
  if (!Array.isArray(frame.data))
    return frameFailure(text, 'data', 'Expected an array.', frame.data)
  if (route.shape === 'perItem')
    return decodePerItem(text, frame.data, route, type, envelope)
  return decodeList(text, frame, frame.data, route, streamType, type, envelope)
}

function decodePerItem(
  text: string,
  data: unknown[],
  route: Extract<ChannelRoute, { shape: 'perItem' }>,
  type: ResponseType,
  envelope: Loose,
): DecodeResult {
  const quotedData = route.lossless
    ? quotedItems(text, route.lossless)
    : undefined
  const responses: DecodedResponse[] = []
  const errors: DecodeItemError[] = []
  data.forEach((item, i) => {
    const base = `data[${i}]`
    if (!isRecord(item)) {
      errors.push({ path: base, message: 'Expected an object.', item })
      return
    }
    const quoted = quotedData?.[i]
    const lossless =
      route.lossless === undefined
        ? item
        : withTexts(item, isRecord(quoted) ? quoted : {}, route.lossless)
    const value = { ...envelope, ...lossless }
    const failed = check(type.schema, value, base, item)
    if (failed === undefined) responses.push(decoded(type, value))
    else errors.push(failed)
  })
  return finish(text, responses, errors)
}

function quotedItems(
  text: string,
  kind: 'book' | 'level3' | 'status',
): unknown[] | undefined {
  try {
    const quoted: unknown = JSON.parse(quoteNumbers(text, kind))
    return isRecord(quoted) && Array.isArray(quoted.data)
      ? quoted.data
      : undefined
  } catch {
    return undefined
  }
}

/**
 * The item with its exact number texts, taken from the quoted parse, but only
 * where the wire held a number: a string on the wire stays a type error.
 */
function withTexts(
  item: Loose,
  quoted: Loose,
  kind: 'book' | 'level3' | 'status',
): Loose {
  if (kind === 'status') {
    const id = item.connection_id
    return {
      ...item,
      connection_id: typeof id === 'number' ? quoted.connection_id : id,
    }
  }
  const sides: Loose = {}
  for (const side of ['bids', 'asks'] as const) {
    const levels = item[side]
    if (!Array.isArray(levels)) continue
    const quotedLevels = Array.isArray(quoted[side]) ? quoted[side] : []
    sides[side] = levels.map((level: unknown, i) => {
      if (!isRecord(level)) return level
      const q = isRecord(quotedLevels[i]) ? quotedLevels[i] : {}
      return kind === 'book'
        ? makeBookLevel(
            level,
            textOf(level.price, q.price),
            textOf(level.qty, q.qty),
          )
        : makeL3Order(
            level,
            textOf(level.limit_price, q.limit_price),
            textOf(level.order_qty, q.order_qty),
          )
    })
  }
  return { ...item, ...sides }
}

function textOf(plain: unknown, quoted: unknown): unknown {
  return typeof plain === 'number' ? quoted : undefined
}

function decodeList(
  text: string,
  frame: Loose,
  data: unknown[],
  route: Extract<ChannelRoute, { shape: 'list' }>,
  streamType: 'snapshot' | 'update',
  type: ResponseType,
  envelope: Loose,
): DecodeResult {
  const itemSchema = route.itemSchema[streamType]
  const goods: unknown[] = []
  const errors: DecodeItemError[] = []
  data.forEach((item, i) => {
    const failed = check(itemSchema, item, `data[${i}]`, item)
    if (failed === undefined) goods.push(item)
    else errors.push(failed)
  })
  const value: Loose = { ...envelope }
  for (const key of route.extras) if (key in frame) value[key] = frame[key]
  value[route.listKey] = goods
  const result = v.safeParse(type.schema, value)
  if (!result.success) {
    const issue = result.issues[0]
    return frameFailure(text, issuePath('', issue), issue.message, frame)
  }
  if (goods.length === 0 && data.length > 0) return finish(text, [], errors)
  return finish(text, [decoded(type, value)], errors)
}

/** Names a discriminant for a message without risking a throw on odd input. */
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value
}
