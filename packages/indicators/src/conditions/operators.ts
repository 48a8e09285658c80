import type { ConditionDefinition } from './definition.js'

/**
 * Whether a level condition holds for `x` against `threshold` (`lo`, `hi`
 * for ranges). Crossings are decided from the previous difference instead;
 * see {@link crossed}.
 */
export function holds(
  c: ConditionDefinition,
  x: number,
  threshold: number,
): boolean {
  switch (c.op) {
    case 'lt':
      return x < threshold
    case 'lte':
      return x <= threshold
    case 'gt':
      return x > threshold
    case 'gte':
      return x >= threshold
    case 'between':
      return x >= c.range[0] && x <= c.range[1]
    case 'outside':
      return x < c.range[0] || x > c.range[1]
    case 'crosses_above':
    case 'crosses_below':
      return false
    default:
      return c satisfies never
  }
}

/**
 * Whether `x - threshold` went from `previous` to `current` across 0 in the
 * condition's direction (touching 0 then leaving counts once).
 */
export function crossed(
  op: 'crosses_above' | 'crosses_below',
  previous: number,
  current: number,
): boolean {
  return op === 'crosses_above'
    ? previous <= 0 && current > 0
    : previous >= 0 && current < 0
}

/**
 * Whether a fired condition has cleared: the value went back past the
 * threshold by at least the hysteresis, so it may fire again.
 */
export function cleared(
  c: ConditionDefinition,
  x: number,
  threshold: number,
): boolean {
  const h = c.hysteresis
  switch (c.op) {
    case 'lt':
    case 'lte':
    case 'crosses_below':
      return c.op === 'lte' && h === 0 ? x > threshold : x >= threshold + h
    case 'gt':
    case 'gte':
    case 'crosses_above':
      return c.op === 'gte' && h === 0 ? x < threshold : x <= threshold - h
    case 'between':
      return x < c.range[0] - h || x > c.range[1] + h
    case 'outside':
      return x >= c.range[0] + h && x <= c.range[1] - h
    default:
      return c satisfies never
  }
}
