import { expect, test } from 'vitest'
import * as exports from './index.js'

test('exports', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "acceptAnyToken",
      "INVALID_SESSION",
      "BOOK_DEPTHS",
      "LEVEL3_DEPTHS",
      "EVENT_TRIGGERS",
      "SimulatorClosedError",
      "SimulatorError",
      "CLOUDFLARE_RESTARTING",
      "encodeJson",
      "RawNumber",
      "raw",
      "OHLC_INTERVALS",
      "bookChecksum",
      "checksumDigits",
      "checksumInput",
      "level3Checksum",
      "formatUnits",
      "padDecimal",
      "DEFAULT_ASSETS",
      "DEFAULT_PAIRS",
      "ALREADY_SUBSCRIBED",
      "EXCEEDED_MSG_RATE",
      "INVALID_ARGUMENTS",
      "SUBSCRIPTION_NOT_FOUND",
      "UNSUPPORTED_EVENT",
      "PING_PARAMS_ERROR",
      "defaultCompatibility",
      "WRONG_HOST",
      "startSimulator",
    ]
  `)
})
