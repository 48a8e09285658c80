export { TapeError, TapeFormatError, TapeWriteError } from './errors.js'
export type {
  TapeCloseEvent,
  TapeEvent,
  TapeEventBase,
  TapeOpenEvent,
  TapeReceivedEvent,
  TapeSentEvent,
  TapeWriteEvent,
  TapeWriteStamp,
} from './format/events.js'
export {
  REDACTED,
  type RedactedFrame,
  redactTokens,
  UNPARSABLE_FRAME,
} from './format/redact.js'
export { TAPE_FORMAT_VERSION } from './format/sidecar.js'
export {
  encodeTardisLine,
  parseTardisLine,
  type TardisLine,
} from './format/tardisLine.js'
export {
  formatTapeTime,
  parseTapeTime,
  parseTimeBound,
  TAPE_TIME_LENGTH,
} from './format/time.js'
export {
  type ReadLinesOptions,
  readLineBatches,
  readLines,
} from './read/lines.js'
export {
  type IndexEntry,
  type OpenConnection,
  seekIndex,
} from './read/sparseIndex.js'
export {
  type ReadTapeOptions,
  readTape,
  readTapeBatches,
  tapeSegments,
} from './read/tapeReader.js'
export {
  recordingTransport,
  type TransportOption,
} from './record/recordingTransport.js'
export type { ReplaySpeed } from './replay/replayConnection.js'
export {
  type ReplaySource,
  type ReplayTransport,
  type ReplayTransportOptions,
  replayTransport,
} from './replay/replayTransport.js'
export type { MissingSubscription, ReplayReport } from './replay/report.js'
export { CSV_HEADERS, type CsvType, csvRows } from './verify/tardisCsv.js'
export {
  type BookVerification,
  type PairPrecision,
  type VerifyOptions,
  verifyBooks,
} from './verify/verifyTape.js'
export { systemClock, type TapeClock } from './write/clock.js'
export {
  createTapeWriter,
  type TapeWriter,
  type TapeWriterOptions,
  type TapeWriterStats,
} from './write/tapeWriter.js'
