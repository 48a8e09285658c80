import type { BookLevel } from '../responses/book.js'
import * as T from '../responses/responseTypes.js'
import {
  every,
  isBookItem,
  isCandle,
  isNumberPair,
  isOptionalTimestamp,
  isTickerItem,
  isTrade,
} from './guards.js'
import { scanBookLevelTexts } from './levelTexts.js'
import { NO_ERRORS } from './results.js'
import type { DecodedResponse, DecodeResult } from './types.js'

type Loose = Record<string, unknown>

/**
 * Decodes the hot channels (heartbeat, ticker, trade, book, ohlc) with
 * hand-written guards. Returns `undefined` whenever anything is unusual, and
 * the caller falls back to the slow path, which has the same output.
 */
export function decodeFast(
  text: string,
  frame: Loose,
): DecodeResult | undefined {
  switch (frame.channel) {
    case 'heartbeat':
      return one({
        type: T.HeartbeatResponse,
        name: 'HeartbeatResponse',
        value: frame,
      } as DecodedResponse)
    case 'ticker':
      return ticker(frame)
    case 'trade':
      return list(
        frame,
        isTrade,
        frame.type === 'snapshot'
          ? T.TradesSnapshotResponse
          : T.TradesUpdateResponse,
        'trades',
      )
    case 'ohlc':
      return isOptionalTimestamp(frame.timestamp)
        ? list(
            frame,
            isCandle,
            frame.type === 'snapshot'
              ? T.OHLCSnapshotResponse
              : T.OHLCUpdateResponse,
            'candles',
          )
        : undefined
    case 'book':
      return book(text, frame)
    default:
      return undefined
  }
}

function one(response: DecodedResponse): DecodeResult {
  return { ok: true, responses: [response], errors: NO_ERRORS }
}

function streamType(frame: Loose): 'snapshot' | 'update' | undefined {
  const type = frame.type
  return type === 'update' || type === 'snapshot' ? type : undefined
}

function ticker(frame: Loose): DecodeResult | undefined {
  const type = streamType(frame)
  const data = frame.data
  if (type === undefined || !Array.isArray(data)) return undefined
  const responseType =
    type === 'update' ? T.TickerUpdateResponse : T.TickerSnapshotResponse
  const responses: DecodedResponse[] = new Array(data.length)
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i]
    if (
      !isTickerItem(item) ||
      item.channel !== undefined ||
      item.type !== undefined
    )
      return undefined
    item.channel = 'ticker'
    item.type = type
    responses[i] = {
      type: responseType,
      name: responseType.name,
      value: item,
    } as DecodedResponse
  }
  return { ok: true, responses, errors: NO_ERRORS }
}

function list(
  frame: Loose,
  guard: (x: unknown) => boolean,
  responseType: (typeof T)[
    | 'TradesUpdateResponse'
    | 'TradesSnapshotResponse'
    | 'OHLCUpdateResponse'
    | 'OHLCSnapshotResponse'],
  key: 'trades' | 'candles',
): DecodeResult | undefined {
  const type = streamType(frame)
  const data = frame.data
  if (type === undefined || !Array.isArray(data) || !every(data, guard))
    return undefined
  const value: Loose =
    key === 'candles' && frame.timestamp !== undefined
      ? {
          channel: frame.channel,
          type,
          timestamp: frame.timestamp,
          candles: data,
        }
      : { channel: frame.channel, type, [key]: data }
  return one({
    type: responseType,
    name: responseType.name,
    value,
  } as DecodedResponse)
}

function book(text: string, frame: Loose): DecodeResult | undefined {
  const type = streamType(frame)
  const data = frame.data
  if (type === undefined || !Array.isArray(data)) return undefined
  const found = scanBookLevelTexts(text)
  if (found === undefined) return undefined
  const { texts, runs } = found
  const responseType =
    type === 'update' ? T.BookUpdateResponse : T.BookSnapshotResponse
  // Sized up front: a growing array would allocate room for 17.
  const responses: DecodedResponse[] = new Array(data.length)
  let next = 0 // index in `texts` of the next level's price
  let run = 0
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i]
    if (
      !isBookItem(item) ||
      item.channel !== undefined ||
      item.type !== undefined
    )
      return undefined
    // Bit 1: bids still to fill, bit 2: asks; runs come in document order.
    let pending =
      (item.bids.length > 0 ? 1 : 0) | (item.asks.length > 0 ? 2 : 0)
    while (pending !== 0) {
      if (run === found.runCount) return undefined
      const mark = runs[run++] as number
      const asks = mark & 1
      const side = asks === 1 ? 2 : 1
      // A run must start where the previous one ended, on a side still empty.
      if ((pending & side) === 0 || mark - asks !== next) return undefined
      pending &= ~side
      const levels = asks === 1 ? item.asks : item.bids
      if (!withTexts(levels, texts, next)) return undefined
      next += levels.length * 2
    }
    item.channel = 'book'
    item.type = type
    responses[i] = {
      type: responseType,
      name: responseType.name,
      value: item,
    } as DecodedResponse
  }
  // Every found level was used: none hides elsewhere in the frame.
  if (next !== found.count || run !== found.runCount) return undefined
  return { ok: true, responses, errors: NO_ERRORS }
}

/**
 * Replaces each level of `levels` (an array `JSON.parse` just made, so ours
 * to reuse) with its decoded form; `false` if one is not a number pair.
 */
function withTexts(levels: unknown[], texts: string[], from: number): boolean {
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]
    if (!isNumberPair(level)) return false
    const at = from + 2 * i
    levels[i] = {
      price: level.price,
      qty: level.qty,
      price_text: texts[at] as string,
      qty_text: texts[at + 1] as string,
    } satisfies BookLevel
  }
  return true
}
