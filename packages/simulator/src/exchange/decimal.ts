/** Rounds `value` to `decimals` places, ignoring binary-float noise. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(Number((value * factor).toPrecision(15))) / factor
}

/** How many decimals the shortest text of `value` has (`1e-8` has 8). */
export function decimalsOf(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e')
  const fraction = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exponent ?? 0))
}

/** Whether `value` is a whole multiple of `increment`. */
export function isMultipleOf(value: number, increment: number): boolean {
  const steps = value / increment
  return Math.abs(steps - Math.round(steps)) < 1e-7
}
