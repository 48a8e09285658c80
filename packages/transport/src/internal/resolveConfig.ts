import type { ConnectionBudget } from '../budget.js'
import type { ReconnectConfig, SocketTransportConfig } from '../config.js'
import { KRAKEN_WS_URLS } from '../endpoints.js'
import { InvalidConfigError } from '../errors.js'
import type { TransportContext, TransportEndpoint } from '../types.js'
import type { BackoffPolicy } from './backoff.js'
import { DEFAULT_FATAL_ERRORS } from './fatal.js'
import { checkSocketUrl, redactUrl } from './url.js'

/** A reconnect policy with every default filled in. */
export type ResolvedReconnect = BackoffPolicy & {
  minUptime: number
  attempts: number
  random: () => number
}

/** Transport settings after defaults and validation. */
export type ResolvedConfig = {
  endpoint: TransportEndpoint
  rawUrl: string
  url: string
  staleAfter: number
  pingInterval: number
  connectTimeout: number
  closeTimeout: number
  reconnect: ResolvedReconnect | false
  budget: ConnectionBudget
  fatalErrors: readonly string[]
}

/**
 * Merges the transport's own config over the client's context over defaults.
 * @throws {InvalidConfigError | InvalidUrlError}
 */
export function resolveConfig(
  config: SocketTransportConfig,
  context: TransportContext,
  fallbackBudget: ConnectionBudget,
): ResolvedConfig {
  const endpoint = config.endpoint ?? context.endpoint ?? 'public'
  const rawUrl = config.url ?? context.url ?? KRAKEN_WS_URLS[endpoint]
  checkSocketUrl(rawUrl, endpoint)
  const staleAfter = positive(
    'staleAfter',
    config.staleAfter ?? context.staleAfter ?? 10_000,
  )
  const pingInterval = positive(
    'pingInterval',
    config.pingInterval ?? Math.floor(staleAfter / 2),
  )
  if (pingInterval >= staleAfter)
    throw new InvalidConfigError({
      option: 'pingInterval',
      reason: `must be below staleAfter (${staleAfter} ms), or a quiet socket is declared stale between pings`,
    })
  return {
    endpoint,
    rawUrl,
    url: redactUrl(rawUrl),
    staleAfter,
    pingInterval,
    connectTimeout: positive('connectTimeout', config.connectTimeout ?? 10_000),
    closeTimeout: positive('closeTimeout', config.closeTimeout ?? 1_000),
    reconnect: resolveReconnect(config.reconnect ?? true),
    budget: config.budget ?? context.budget ?? fallbackBudget,
    fatalErrors:
      config.fatalErrors === false
        ? []
        : (config.fatalErrors ?? DEFAULT_FATAL_ERRORS),
  }
}

function resolveReconnect(
  option: boolean | ReconnectConfig,
): ResolvedReconnect | false {
  if (option === false) return false
  const given = option === true ? {} : option
  const attempts = given.attempts ?? Number.POSITIVE_INFINITY
  if (!(attempts >= 1))
    throw new InvalidConfigError({
      option: 'reconnect.attempts',
      reason: 'must be at least 1 (use reconnect: false to disable)',
    })
  const factor = given.factor ?? 2
  if (!(factor >= 1) || !Number.isFinite(factor))
    throw new InvalidConfigError({
      option: 'reconnect.factor',
      reason: 'must be a finite number >= 1',
    })
  const initialDelay = nonNegative(
    'reconnect.initialDelay',
    given.initialDelay ?? 1_000,
  )
  const maxDelay = nonNegative('reconnect.maxDelay', given.maxDelay ?? 30_000)
  if (maxDelay < initialDelay)
    throw new InvalidConfigError({
      option: 'reconnect.maxDelay',
      reason: 'must not be below reconnect.initialDelay',
    })
  return {
    initialDelay,
    maxDelay,
    factor,
    minUptime: nonNegative('reconnect.minUptime', given.minUptime ?? 10_000),
    attempts,
    random: given.random ?? Math.random,
  }
}

function positive(option: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidConfigError({
      option,
      reason: `must be a positive number of ms, got ${value}`,
    })
  return value
}

/** Validates a delay (ms) that may be zero. */
export function nonNegative(option: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new InvalidConfigError({
      option,
      reason: `must be a finite number of ms >= 0, got ${value}`,
    })
  return value
}
