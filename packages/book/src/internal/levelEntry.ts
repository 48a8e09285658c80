import type { PriceLevel } from '../types.js'
import {
  EXPONENT_DECIMAL,
  expandExponent,
  feedDecimal,
  formatNumber,
  fullPrecisionText,
  packedLength,
  packedRegister,
} from './decimalDigits.js'

/** What a level contributes to a checksum: its digits' CRC and their count. */
export interface ChecksumPart {
  /** CRC register of the level's checksum digits, fed from 0. */
  readonly raw: number
  /** Number of checksum digits. */
  readonly length: number
}

/** Precisions a book restores digits with (`undefined`: not known). */
export interface Precisions {
  readonly pricePrecision: number | undefined
  readonly qtyPrecision: number | undefined
}

/** One L2 level as a book stores it; its public view is made on first read. */
export class LevelEntry implements ChecksumPart {
  readonly price: number
  readonly qty: number
  readonly priceText: string
  readonly qtyText: string
  readonly raw: number
  readonly length: number
  #view: PriceLevel | undefined

  constructor(
    price: number,
    qty: number,
    priceText: string,
    qtyText: string,
    raw: number,
    length: number,
  ) {
    this.price = price
    this.qty = qty
    this.priceText = priceText
    this.qtyText = qtyText
    this.raw = raw
    this.length = length
  }

  /** The frozen level readers get (the same object until the level changes). */
  view(precisions: Precisions): PriceLevel {
    this.#view ??= Object.freeze({
      price: this.price,
      qty: this.qty,
      price_text: fullPrecisionText(
        this.priceText,
        precisions.pricePrecision ?? 0,
      ),
      qty_text: fullPrecisionText(this.qtyText, precisions.qtyPrecision ?? 0),
    })
    return this.#view
  }
}

/** Checksum digits of one decimal, with its (possibly expanded) text. */
interface FedDecimal {
  text: string
  packed: number
}

const scratch: FedDecimal = { text: '', packed: 0 }

/**
 * Resolves the text of a number (given text, else formatted from the number
 * with the precision) and feeds its checksum digits into `register`. Returns
 * `undefined` when the text is unusable; the result object is reused.
 */
export function feedValue(
  value: number,
  text: unknown,
  precision: number | undefined,
  register: number,
): FedDecimal | undefined {
  let resolved: string
  if (text === undefined) resolved = formatNumber(value, precision)
  else if (typeof text === 'string') resolved = text
  else return undefined
  const minDecimals = precision ?? 0
  let packed = feedDecimal(resolved, minDecimals, register)
  if (packed === EXPONENT_DECIMAL) {
    const plain = expandExponent(resolved)
    if (plain === undefined) return undefined
    resolved = plain
    packed = feedDecimal(resolved, minDecimals, register)
  }
  if (packed < 0) return undefined
  scratch.text = resolved
  scratch.packed = packed
  return scratch
}

/** Finite and > 0 (prices), or finite and ≥ 0 (quantities). */
export function isPositive(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value < Infinity
}

export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity
}

/**
 * Builds the stored entry for a level with a non-zero quantity, or returns
 * `undefined` if its text is unusable.
 */
export function createLevelEntry(
  price: number,
  qty: number,
  priceText: unknown,
  qtyText: unknown,
  precisions: Precisions,
): LevelEntry | undefined {
  const fedPrice = feedValue(price, priceText, precisions.pricePrecision, 0)
  if (fedPrice === undefined) return undefined
  const resolvedPrice = fedPrice.text
  const priceLength = packedLength(fedPrice.packed)
  const fedQty = feedValue(
    qty,
    qtyText,
    precisions.qtyPrecision,
    packedRegister(fedPrice.packed),
  )
  if (fedQty === undefined) return undefined
  return new LevelEntry(
    price,
    qty,
    resolvedPrice,
    fedQty.text,
    packedRegister(fedQty.packed),
    priceLength + packedLength(fedQty.packed),
  )
}
