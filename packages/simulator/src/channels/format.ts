import { formatUnits, trimDecimal } from '../market/decimal.js'
import type { SymbolMarket } from '../market/symbolMarket.js'

/** A price in units as Kraken's full-precision text (`65000.0`). */
export function priceText(market: SymbolMarket, units: number): string {
  return formatUnits(units, market.spec.price_precision)
}

/** A quantity in units as full-precision text (`0.10000000`), as book levels carry it. */
export function qtyText(market: SymbolMarket, units: number): string {
  return formatUnits(units, market.spec.qty_precision)
}

/** A quantity in units the way ticker and trade frames write it (`0.1`, `740.0`). */
export function shortQtyText(market: SymbolMarket, units: number): string {
  return trimDecimal(qtyText(market, units))
}

/** A float amount of base units at qty precision, trimmed (`4216.6182937`). */
export function volumeText(market: SymbolMarket, volume: number): string {
  return trimDecimal(volume.toFixed(market.spec.qty_precision))
}

/** A float price (units) rounded to price precision, e.g. a vwap. */
export function averagePriceText(market: SymbolMarket, units: number): string {
  return priceText(market, Math.round(units))
}
