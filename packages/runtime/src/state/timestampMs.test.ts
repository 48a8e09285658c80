import { describe, expect, test } from 'vitest'
import { timestampMs } from './timestampMs.js'

describe('timestampMs', () => {
  test('reads a timestamp with microseconds as ms with the fraction kept', () => {
    const ms = timestampMs('2023-09-25T07:49:37.708706Z')
    expect(Math.floor(ms ?? 0)).toBe(Date.parse('2023-09-25T07:49:37.708Z'))
    expect(ms).toBeCloseTo(1695628177708.706, 3)
  })

  test('reads nanoseconds, whole seconds and one fraction digit', () => {
    expect(timestampMs('2024-01-01T00:00:00Z')).toBe(
      Date.UTC(2024, 0, 1, 0, 0, 0),
    )
    expect(timestampMs('2024-01-01T00:00:00.5Z')).toBe(
      Date.UTC(2024, 0, 1) + 500,
    )
    expect(timestampMs('2024-01-01T00:00:00.000000001Z')).toBeCloseTo(
      Date.UTC(2024, 0, 1) + 0.000001,
      6,
    )
  })

  test('a timestamp without a zone is UTC, and an offset is applied', () => {
    expect(timestampMs('2022-12-25T09:30:59.1234567')).toBeCloseTo(
      Date.UTC(2022, 11, 25, 9, 30, 59) + 123.4567,
      4,
    )
    expect(timestampMs('2024-01-01T02:00:00+02:00')).toBe(Date.UTC(2024, 0, 1))
    expect(timestampMs('2024-01-01T00:00:00-01:30')).toBe(
      Date.UTC(2024, 0, 1, 1, 30),
    )
  })

  test('text that is not an RFC 3339 timestamp gives undefined', () => {
    expect(timestampMs('')).toBeUndefined()
    expect(timestampMs('yesterday')).toBeUndefined()
    expect(timestampMs('2024-01-01 00:00:00Z')).toBeUndefined()
    expect(timestampMs('1700000000')).toBeUndefined()
  })
})
