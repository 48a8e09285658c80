import { IndicatorOptionsError } from '../errors.js'

/** Throws {@link IndicatorOptionsError} unless `value` is a positive integer. */
export function positiveInteger(option: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new IndicatorOptionsError({
      option,
      details: `Expected a positive integer, got ${String(value)}.`,
    })
  return value
}

/** Throws {@link IndicatorOptionsError} unless `value` is a finite number above 0. */
export function positiveNumber(option: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new IndicatorOptionsError({
      option,
      details: `Expected a finite number above 0, got ${String(value)}.`,
    })
  return value
}
