import type { StreamingIndicator } from '../types.js'

/**
 * The latest sample itself: a field as a series, so conditions can watch
 * raw values (a ticker's `last`, a candle's `close`) like indicators.
 */
export function latest(): StreamingIndicator<number, number> {
  let result: number | null = null
  const take = (x: number): number => {
    result = x
    return x
  }
  return {
    requiredInputs: 1,
    get result() {
      return result
    },
    add: take,
    replace: take,
  }
}
