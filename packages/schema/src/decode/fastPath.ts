import * as T from '../responses/responseTypes.js'
import { decodeBookFast, decodeLevel3Fast } from './fastSided.js'
import {
  every,
  isCandle,
  isOptionalTimestamp,
  isTickerItem,
  isTrade,
} from './guards.js'
import { NO_ERRORS } from './results.js'
import type { DecodedResponse, DecodeResult } from './types.js'

type Loose = Record<string, unknown>

/**
 * Decodes the hot channels (heartbeat, ticker, trade, book, level3, ohlc) with
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
      return decodeBookFast(text, frame)
    case 'level3':
      return decodeLevel3Fast(text, frame)
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
