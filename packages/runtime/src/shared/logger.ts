import { formatLogLine } from './formatLogLine.js'
import { isLogLevel, LOG_LEVEL_RANK, type LogLevel } from './logLevel.js'
import { redactContext, redactText } from './redact.js'

/** Structured context of a log message: endpoint, symbol, req_id, ... */
export type LogContext = Readonly<Record<string, unknown>>

/**
 * Receives each log message at or above the threshold. The message and the
 * context are already redacted.
 */
export type LogSink = (
  message: string,
  level: LogLevel,
  context: LogContext,
) => void

/** Options of {@link createLogger}. */
export interface LoggerConfig {
  /**
   * Least severe level written, or `false` for silence.
   * @default 'info'
   */
  level?: LogLevel | false
  /**
   * Where messages go; `userLogger(handler)` replaces it later.
   * @default the console, one readable line per message
   */
  sink?: LogSink
  /**
   * The clock used to timestamp console lines (tests inject one).
   * @default () => new Date()
   */
  now?: () => Date
}

/** The runtime's logger. `log` never throws, whatever it is given. */
export interface Logger {
  /** Logs `message` at `level` (default `info`) with optional context. */
  log(message: string, level?: LogLevel, context?: LogContext): void
  /** Whether a message at `level` would be written (skip costly context). */
  isEnabled(level: LogLevel): boolean
  /** Changes the threshold; `false` silences everything. */
  setLevel(level: LogLevel | false): void
  /** Replaces the sink (`kraken.userLogger`); `undefined` restores the console. */
  setSink(sink: LogSink | undefined): void
  /**
   * Registers a secret value (API key, private key, WS token) so that it is
   * masked wherever it appears in a message or a context string.
   */
  addSecret(secret: string): void
}

/** Secrets shorter than this are not masked inside text: too many false hits. */
const MIN_SECRET_LENGTH = 8

/**
 * Creates a logger: a level threshold, redaction of secrets, and a sink
 * that defaults to the console.
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: 'debug' })
 * logger.log('Subscribed', 'info', { channel: 'ticker', symbol: 'BTC/USD', req_id: 1 })
 * ```
 */
export function createLogger(config: LoggerConfig = {}): Logger {
  const now = config.now ?? (() => new Date())
  const consoleSink: LogSink = (message, level, context) => {
    const line = formatLogLine(now(), level, message, context)
    const isSevere = LOG_LEVEL_RANK[level] >= LOG_LEVEL_RANK.warning
    // biome-ignore lint/suspicious/noConsole: the default sink is the console by design; userLogger() replaces it.
    ;(isSevere ? console.error : console.log)(line)
  }
  let sink = config.sink ?? consoleSink
  let threshold = rankOf(config.level ?? 'info')
  const secrets: string[] = []

  const isEnabled = (level: LogLevel) => LOG_LEVEL_RANK[level] >= threshold

  return {
    log(message, level = 'info', context = {}) {
      try {
        const safeLevel = isLogLevel(level) ? level : 'info'
        if (!isEnabled(safeLevel)) return
        const text = redactText(String(message), secrets)
        const safeContext = redactContext(context, secrets)
        try {
          sink(text, safeLevel, safeContext)
        } catch (error) {
          if (sink === consoleSink) return
          // A broken user logger must not hide the message, nor throw.
          consoleSink(text, safeLevel, safeContext)
          consoleSink('The user logger threw.', 'error', {
            error: redactText(String(error), secrets),
          })
        }
      } catch {
        // Logging is best effort: it never throws into the caller.
      }
    },
    isEnabled,
    setLevel(level) {
      threshold = rankOf(level)
    },
    setSink(next) {
      sink = next ?? consoleSink
    },
    addSecret(secret) {
      if (secret.length < MIN_SECRET_LENGTH || secrets.includes(secret)) return
      secrets.push(secret)
      // Longest first, so that a secret containing another is masked whole.
      secrets.sort((a, b) => b.length - a.length)
    },
  }
}

function rankOf(level: LogLevel | false): number {
  if (level === false) return Number.POSITIVE_INFINITY
  if (!isLogLevel(level)) {
    throw new TypeError(
      `Unknown log level "${String(level)}": use debug, info, warning, error, critical or false.`,
    )
  }
  return LOG_LEVEL_RANK[level]
}
