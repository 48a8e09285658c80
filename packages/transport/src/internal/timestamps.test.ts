import { expect, test } from 'vitest'
import { parseTimestamp } from './timestamps.js'

test('default', () => {
  expect(parseTimestamp('2023-09-24T14:10:23.799685Z')).toBeCloseTo(
    Date.UTC(2023, 8, 24, 14, 10, 23) + 799.685,
    6,
  )
})

test('behavior: lenient forms Kraken sends', () => {
  // Seven digits and no zone, as in one documented example.
  expect(parseTimestamp('2022-06-13T08:09:10.7890123')).toBeCloseTo(
    Date.UTC(2022, 5, 13, 8, 9, 10) + 789.0123,
    6,
  )
  expect(parseTimestamp('2026-10-06T18:06:01.982191308Z')).toBeCloseTo(
    Date.UTC(2026, 9, 6, 18, 6, 1) + 982.191308,
    6,
  )
  expect(parseTimestamp('2024-01-01T00:00:00+01:00')).toBe(
    Date.UTC(2023, 11, 31, 23),
  )
})

test('error: not a timestamp', () => {
  expect(parseTimestamp('yesterday')).toBeUndefined()
  expect(parseTimestamp('2024-13-45T99:99:99Z')).toBeUndefined()
})
