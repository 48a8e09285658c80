import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "bookFeatures",
      "candleSeries",
      "atr",
      "ema",
      "macd",
      "rsi",
      "createAlertEngine",
      "ConditionDefinitionSchema",
      "OperandSchema",
      "parseCondition",
      "ConditionDefinitionError",
      "DuplicateConditionError",
      "DuplicateSeriesError",
      "IndicatorOptionsError",
      "IndicatorsError",
      "createMarketFeed",
      "bollinger",
      "latest",
      "rollingStats",
      "sma",
      "tradeVwap",
      "vwap",
    ]
  `)
})
