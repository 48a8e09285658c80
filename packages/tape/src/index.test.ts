import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "TapeError",
      "TapeFormatError",
      "TapeWriteError",
      "REDACTED",
      "redactTokens",
      "UNPARSABLE_FRAME",
      "TAPE_FORMAT_VERSION",
      "encodeTardisLine",
      "parseTardisLine",
      "formatTapeTime",
      "parseTapeTime",
      "parseTimeBound",
      "TAPE_TIME_LENGTH",
      "readLineBatches",
      "readLines",
      "seekIndex",
      "readTape",
      "readTapeBatches",
      "tapeSegments",
      "recordingTransport",
      "replayTransport",
      "CSV_HEADERS",
      "csvRows",
      "verifyBooks",
      "systemClock",
      "createTapeWriter",
    ]
  `)
})
