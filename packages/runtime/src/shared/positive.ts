/**
 * `value`, or `fallback` when it is undefined; throws `RangeError` naming the
 * option when it is not a positive finite number.
 */
export function positive(
  name: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${value}.`)
  }
  return value
}
