import type { BookLevel } from '../responses/book.js'
import * as T from '../responses/responseTypes.js'
import {
  every,
  isBookItem,
  isCandle,
  isOptionalTimestamp,
  isTickerItem,
  isTrade,
} from './guards.js'
import { scanNumberTexts } from './lossless.js'
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
  const responses: DecodedResponse[] = []
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
    responses.push({
      type: responseType,
      name: responseType.name,
      value: item,
    } as DecodedResponse)
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
  const prices = scanNumberTexts(text, '"price":')
  const qtys = scanNumberTexts(text, '"qty":')
  if (prices === undefined || qtys === undefined) return undefined
  const responseType =
    type === 'update' ? T.BookUpdateResponse : T.BookSnapshotResponse
  const responses: DecodedResponse[] = []
  let next = 0
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i]
    if (
      !isBookItem(item) ||
      item.channel !== undefined ||
      item.type !== undefined
    )
      return undefined
    // Texts were collected in document order: follow the item's key order.
    const bidsFirst = bidsBeforeAsks(item)
    const first = bidsFirst ? item.bids : item.asks
    const second = bidsFirst ? item.asks : item.bids
    // Every level holds one "price": and one "qty":, so equal counts prove
    // each text belongs to its level (any other occurrence adds to the count).
    if (next + first.length + second.length > prices.length) return undefined
    const firstLevels = withTexts(first, prices, qtys, next)
    next += first.length
    const secondLevels = withTexts(second, prices, qtys, next)
    next += second.length
    item.bids = bidsFirst ? firstLevels : secondLevels
    item.asks = bidsFirst ? secondLevels : firstLevels
    item.channel = 'book'
    item.type = type
    responses.push({
      type: responseType,
      name: responseType.name,
      value: item,
    } as DecodedResponse)
  }
  if (next !== prices.length || next !== qtys.length) return undefined
  return { ok: true, responses, errors: NO_ERRORS }
}

function bidsBeforeAsks(item: Loose): boolean {
  for (const key in item) {
    if (key === 'bids') return true
    if (key === 'asks') return false
  }
  return true
}

function withTexts(
  levels: Loose[],
  prices: string[],
  qtys: string[],
  from: number,
): BookLevel[] {
  const out: BookLevel[] = new Array(levels.length)
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] as Loose
    out[i] = {
      price: level.price as number,
      qty: level.qty as number,
      price_text: prices[from + i] as string,
      qty_text: qtys[from + i] as string,
    }
  }
  return out
}
