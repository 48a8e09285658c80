import { expect, test } from 'vitest'
import { isDecimalString } from './decimalString.js'

test('default', () => {
  for (const text of [
    '0',
    '26500.4',
    '26500.40',
    '0.00000001',
    '-2.0',
    '100',
  ]) {
    expect(isDecimalString(text), text).toBe(true)
  }
})

test('error: refuses what is not a plain JSON decimal', () => {
  for (const text of [
    '',
    '1e-8',
    '1E5',
    '+1',
    '.5',
    '5.',
    '007',
    ' 1',
    '1 ',
    '1,5',
    'NaN',
    'Infinity',
    '0x10',
    '--1',
  ]) {
    expect(isDecimalString(text), text).toBe(false)
  }
})
