import fc from 'fast-check'

const digits = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''))

/**
 * A JSON number literal as text: sign, integer, fraction (trailing zeros
 * kept), exponent; what `JSON.stringify` of a number would lose.
 */
export const numberLiteral: fc.Arbitrary<string> = fc
  .record({
    sign: fc.constantFrom('', '', '-'),
    int: fc.oneof(
      fc.constant('0'),
      fc.integer({ min: 1, max: 99999 }).map(String),
    ),
    frac: fc.option(
      fc
        .tuple(digits(1, 8), fc.integer({ min: 0, max: 4 }))
        .map(([d, zeros]) => d + '0'.repeat(zeros)),
    ),
    exp: fc.option(
      fc.tuple(
        fc.constantFrom('e', 'E'),
        fc.constantFrom('', '+', '-'),
        digits(1, 2),
      ),
      { freq: 3 },
    ),
  })
  .map(
    ({ sign, int, frac, exp }) =>
      `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`,
  )
