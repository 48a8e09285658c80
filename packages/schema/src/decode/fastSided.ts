import type { BookLevel } from '../responses/book.js'
import type { L3Order } from '../responses/level3.js'
import * as T from '../responses/responseTypes.js'
import { isL3Event, isL3Order, isNumberPair, isSidedItem } from './guards.js'
import { type LevelTexts, scanBookLevelTexts } from './levelTexts.js'
import { scanOrderTexts } from './orderTexts.js'
import { NO_ERRORS } from './results.js'
import type { DecodedResponse, DecodeResult } from './types.js'

type Loose = Record<string, unknown>

/**
 * Replaces each entry of `list` (an array `JSON.parse` just made, so ours to
 * reuse) with its decoded form, taking texts from `from` on; `false` if an
 * entry has the wrong shape.
 */
type WithTexts = (
  list: unknown[],
  texts: string[],
  from: number,
  update: boolean,
) => boolean

/** What differs between the book and level3 channels. */
type SidedChannel = {
  readonly channel: 'book' | 'level3'
  readonly scan: (text: string) => LevelTexts | undefined
  readonly withTexts: WithTexts
  readonly snapshot:
    | typeof T.BookSnapshotResponse
    | typeof T.OrderSnapshotResponse
  readonly update: typeof T.BookUpdateResponse | typeof T.OrderUpdateResponse
}

const BOOK: SidedChannel = {
  channel: 'book',
  scan: scanBookLevelTexts,
  withTexts: withLevelTexts,
  snapshot: T.BookSnapshotResponse,
  update: T.BookUpdateResponse,
}

const LEVEL3: SidedChannel = {
  channel: 'level3',
  scan: scanOrderTexts,
  withTexts: withOrderTexts,
  snapshot: T.OrderSnapshotResponse,
  update: T.OrderUpdateResponse,
}

/** Decodes a book frame on the fast path, or `undefined` for the slow one. */
export function decodeBookFast(
  text: string,
  frame: Loose,
): DecodeResult | undefined {
  return decodeSided(text, frame, BOOK)
}

/** Decodes a level3 frame on the fast path, or `undefined` for the slow one. */
export function decodeLevel3Fast(
  text: string,
  frame: Loose,
): DecodeResult | undefined {
  return decodeSided(text, frame, LEVEL3)
}

function decodeSided(
  text: string,
  frame: Loose,
  kind: SidedChannel,
): DecodeResult | undefined {
  const type = frame.type
  const data = frame.data
  if ((type !== 'update' && type !== 'snapshot') || !Array.isArray(data))
    return undefined
  const found = kind.scan(text)
  if (found === undefined) return undefined
  const { texts, runs } = found
  const update = type === 'update'
  const responseType = update ? kind.update : kind.snapshot
  // Sized up front: a growing array would allocate room for 17.
  const responses: DecodedResponse[] = new Array(data.length)
  let next = 0 // index in `texts` of the next entry's price
  let run = 0
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i]
    if (
      !isSidedItem(item) ||
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
      const list = asks === 1 ? item.asks : item.bids
      if (!kind.withTexts(list, texts, next, update)) return undefined
      next += list.length * 2
    }
    item.channel = kind.channel
    item.type = type
    responses[i] = {
      type: responseType,
      name: responseType.name,
      value: item,
    } as DecodedResponse
  }
  // Every found entry was used: none hides elsewhere in the frame.
  if (next !== found.count || run !== found.runCount) return undefined
  return { ok: true, responses, errors: NO_ERRORS }
}

function withLevelTexts(
  levels: unknown[],
  texts: string[],
  from: number,
): boolean {
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

/**
 * Snapshot orders come without `event` and update orders with one, as
 * Kraken sends them. The schema also takes the other two cases, which the
 * slow path handles.
 */
function withOrderTexts(
  orders: unknown[],
  texts: string[],
  from: number,
  update: boolean,
): boolean {
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]
    if (!isL3Order(order)) return false
    const at = from + 2 * i
    const event = order.event
    // Two literals, so that each kind of order keeps one object shape.
    if (update) {
      if (!isL3Event(event)) return false
      orders[i] = {
        order_id: order.order_id,
        limit_price: order.limit_price,
        order_qty: order.order_qty,
        limit_price_text: texts[at] as string,
        order_qty_text: texts[at + 1] as string,
        timestamp: order.timestamp,
        event,
      } satisfies L3Order
    } else {
      if (event !== undefined) return false
      orders[i] = {
        order_id: order.order_id,
        limit_price: order.limit_price,
        order_qty: order.order_qty,
        limit_price_text: texts[at] as string,
        order_qty_text: texts[at + 1] as string,
        timestamp: order.timestamp,
      } satisfies L3Order
    }
  }
  return true
}
