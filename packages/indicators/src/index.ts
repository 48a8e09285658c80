export type {
  BookFeatures,
  BookFeaturesOptions,
  BookFeaturesUnavailable,
  BookLike,
  LevelLike,
  LevelsLike,
} from './book/bookFeatures.js'
export { bookFeatures } from './book/bookFeatures.js'
export type {
  CandleAction,
  CandleSeries,
  CandleUpdate,
  KeyedCandle,
} from './candles/candleSeries.js'
export { candleSeries } from './candles/candleSeries.js'
export type { MacdOptions } from './classic/classic.js'
export { atr, ema, macd, rsi } from './classic/classic.js'
export type {
  AlertEngine,
  AlertEngineOptions,
} from './conditions/alertEngine.js'
export { createAlertEngine } from './conditions/alertEngine.js'
export type {
  ConditionDefinition,
  ConditionDefinitionInput,
  ConditionOp,
  Operand,
} from './conditions/definition.js'
export {
  ConditionDefinitionSchema,
  OperandSchema,
  parseCondition,
} from './conditions/definition.js'
export type {
  Alert,
  Blocked,
  BlockReason,
  ConditionStatus,
  InvalidReason,
} from './conditions/types.js'
export type { ConditionIssue } from './errors.js'
export {
  ConditionDefinitionError,
  DuplicateConditionError,
  DuplicateSeriesError,
  IndicatorOptionsError,
  IndicatorsError,
} from './errors.js'
export type { MarketFeed, MarketFeedOptions } from './feed/marketFeed.js'
export { createMarketFeed } from './feed/marketFeed.js'
export type {
  BookValueLike,
  CandleField,
  CandleLike,
  MarketValue,
  OhlcLike,
  TickerField,
  TickerLike,
  TradeLike,
  TradesLike,
} from './feed/marketValues.js'
export type {
  BookTrack,
  FieldTrack,
  IndicatorTrack,
  OhlcTrack,
  SeriesSink,
  TickerTrack,
  TrackBase,
  TradeTrack,
} from './feed/trackSpecs.js'
export type { BollingerOptions } from './series/bollinger.js'
export { bollinger } from './series/bollinger.js'
export { latest } from './series/latest.js'
export type { RollingStatsOptions } from './series/rollingStats.js'
export { rollingStats } from './series/rollingStats.js'
export { sma } from './series/sma.js'
export type {
  TradeVwapOptions,
  VwapCandleInput,
} from './series/vwap.js'
export { tradeVwap, vwap } from './series/vwap.js'
export type {
  BandsResult,
  CandleInput,
  MacdResult,
  RollingStatsResult,
  StreamingIndicator,
  TimedSample,
  TimedTrade,
} from './types.js'
