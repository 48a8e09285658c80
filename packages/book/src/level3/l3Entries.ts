import { roundDecimal } from '../bookSide.js'
import { crcShift } from '../internal/crc32Shift.js'
import { fractionDigits, fullPrecisionText } from '../internal/decimalDigits.js'
import type { ChecksumPart, Precisions } from '../internal/levelEntry.js'

/** One resting order as a level3 book reads it back (frozen). */
export interface L3BookOrder {
  readonly order_id: string
  readonly limit_price: number
  readonly order_qty: number
  /** Full-precision decimal text the checksum used. */
  readonly limit_price_text: string
  readonly order_qty_text: string
  /** When the order was inserted or last amended (nanosecond RFC3339), if sent. */
  readonly timestamp: string | undefined
}

/** A level3 price level: the aggregate of its orders. */
export interface L3PriceLevel {
  readonly price: number
  /** Sum of the orders' quantities, in their decimals. */
  readonly qty: number
  readonly price_text: string
  readonly qty_text: string
  /** Number of orders at this price. */
  readonly count: number
}

/** One order as a level3 book stores it. */
export class L3OrderEntry implements ChecksumPart {
  readonly orderId: string
  readonly price: number
  readonly qty: number
  readonly priceText: string
  readonly qtyText: string
  readonly timestamp: string | undefined
  readonly isBid: boolean
  readonly raw: number
  readonly length: number
  #view: L3BookOrder | undefined

  constructor(fields: {
    orderId: string
    price: number
    qty: number
    priceText: string
    qtyText: string
    timestamp: string | undefined
    isBid: boolean
    raw: number
    length: number
  }) {
    this.orderId = fields.orderId
    this.price = fields.price
    this.qty = fields.qty
    this.priceText = fields.priceText
    this.qtyText = fields.qtyText
    this.timestamp = fields.timestamp
    this.isBid = fields.isBid
    this.raw = fields.raw
    this.length = fields.length
  }

  view(precisions: Precisions): L3BookOrder {
    this.#view ??= Object.freeze({
      order_id: this.orderId,
      limit_price: this.price,
      order_qty: this.qty,
      limit_price_text: fullPrecisionText(
        this.priceText,
        precisions.pricePrecision ?? 0,
      ),
      order_qty_text: fullPrecisionText(
        this.qtyText,
        precisions.qtyPrecision ?? 0,
      ),
      timestamp: this.timestamp,
    })
    return this.#view
  }
}

/** An order's place in its level's queue: replaced in place, or emptied. */
export interface L3Slot {
  entry: L3OrderEntry
  removed: boolean
}

/** Below this many slots a level is compacted only when read. */
const COMPACT_FLOOR = 32

/**
 * The orders at one price, in queue order. Each order holds a slot, so a
 * fill replaces it in place and a delete empties it in O(1); emptied slots
 * are swept in one pass when the level is next read (or when they are more
 * than half), so deleting k orders at one price costs O(k), not O(k²). Its
 * checksum part (all its orders' digits in order) is recomputed only after
 * the level changes.
 */
export class L3LevelEntry implements ChecksumPart {
  readonly price: number
  readonly #slots: L3Slot[] = []
  #live = 0
  #orders: L3OrderEntry[] | undefined = []
  #raw = 0
  #length = 0
  #isStale = true
  #view: L3PriceLevel | undefined

  constructor(price: number) {
    this.price = price
  }

  /** The orders, in queue order (rebuilt once after changes). */
  get orders(): readonly L3OrderEntry[] {
    if (this.#orders === undefined) {
      this.#compact()
      this.#orders = this.#slots.map((slot) => slot.entry)
    }
    return this.#orders
  }

  /** Number of orders at this price. */
  get count(): number {
    return this.#live
  }

  /** Queues `entry` at the back; returns its slot. */
  add(entry: L3OrderEntry): L3Slot {
    const slot: L3Slot = { entry, removed: false }
    this.#slots.push(slot)
    this.#live++
    this.changed()
    return slot
  }

  /** Replaces the order in `slot`, keeping its place in the queue. */
  replace(slot: L3Slot, entry: L3OrderEntry): void {
    slot.entry = entry
    this.changed()
  }

  /** Takes the order in `slot` out of the queue. */
  remove(slot: L3Slot): void {
    if (slot.removed) return
    slot.removed = true
    this.#live--
    this.changed()
    // Bounded garbage: never more emptied slots than live ones.
    if (
      this.#slots.length > COMPACT_FLOOR &&
      this.#live * 2 < this.#slots.length
    )
      this.#compact()
  }

  /** Call after changing the orders. */
  changed(): void {
    this.#isStale = true
    this.#view = undefined
    this.#orders = undefined
  }

  #compact(): void {
    if (this.#live === this.#slots.length) return
    let kept = 0
    for (const slot of this.#slots)
      if (!slot.removed) this.#slots[kept++] = slot
    this.#slots.length = kept
  }

  #refresh(): void {
    if (!this.#isStale) return
    let raw = 0
    let length = 0
    for (const order of this.orders) {
      raw = crcShift(raw, order.length) ^ order.raw
      length += order.length
    }
    this.#raw = raw
    this.#length = length
    this.#isStale = false
  }

  get raw(): number {
    this.#refresh()
    return this.#raw
  }

  get length(): number {
    this.#refresh()
    return this.#length
  }

  view(precisions: Precisions): L3PriceLevel {
    if (this.#view !== undefined) return this.#view
    let qty = 0
    let decimals = precisions.qtyPrecision ?? 0
    for (const order of this.orders) {
      qty += order.qty
      decimals = Math.max(decimals, fractionDigits(order.qtyText))
    }
    qty = roundDecimal(qty, decimals)
    const first = this.orders[0]
    this.#view = Object.freeze({
      price: this.price,
      qty,
      price_text: fullPrecisionText(
        first?.priceText ?? String(this.price),
        precisions.pricePrecision ?? 0,
      ),
      qty_text: qty.toFixed(decimals),
      count: this.#live,
    })
    return this.#view
  }
}
