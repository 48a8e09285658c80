import { describe, expect, test } from 'vitest'
import { TapeFormatError } from '../errors.js'
import {
  formatTapeTime,
  parseTapeTime,
  parseTimeBound,
  TAPE_TIME_LENGTH,
} from './time.js'

describe('tape time', () => {
  test('formats 28 characters, as tardis.dev local timestamps', () => {
    const text = formatTapeTime(1_569_888_000_123_456)
    expect(text).toBe('2019-10-01T00:00:00.1234560Z')
    expect(text).toHaveLength(TAPE_TIME_LENGTH)
    expect(formatTapeTime(1_569_888_001_000_007)).toBe(
      '2019-10-01T00:00:01.0000070Z',
    )
  })

  test('parses back to the microsecond, with any fraction length', () => {
    expect(parseTapeTime('2019-10-01T00:00:00.1234567Z')).toBe(
      1_569_888_000_123_456,
    )
    expect(parseTapeTime('2019-10-01T00:00:00Z')).toBe(1_569_888_000_000_000)
    expect(parseTapeTime('2019-10-01T00:00:00.5Z')).toBe(1_569_888_000_500_000)
    for (const micros of [0, 1_700_000_000_999_999, 1_765_000_000_000_001])
      expect(parseTapeTime(formatTapeTime(micros))).toBe(micros)
  })

  test('rejects what is not a timestamp', () => {
    expect(() => parseTapeTime('yesterday')).toThrow(TapeFormatError)
    expect(() => parseTimeBound('not a date')).toThrow(TapeFormatError)
  })

  test('bounds take tape timestamps, ISO dates and epoch ms', () => {
    expect(parseTimeBound('2019-10-01T00:00:00.1234567Z')).toBe(
      1_569_888_000_123_456,
    )
    expect(parseTimeBound('2019-10-01T00:01:00.000Z')).toBe(
      1_569_888_060_000_000,
    )
    expect(parseTimeBound('1569888000000')).toBe(1_569_888_000_000_000)
  })
})
