import { describe, expect, test } from 'vitest'
import type { KrakenSocketsError } from '../errors.js'
import { createLogger } from '../shared/logger.js'
import { AckWaiters } from './ackWaiters.js'
import type { SubscriptionAckValue } from './subscriptionAcks.js'
import { createSubscriptionRegistry } from './subscriptionRegistry.js'
import { settleAck } from './subscriptionSettle.js'

const ticker = { channel: 'ticker', symbol: ['BTC/USD'] }

function target() {
  const registry = createSubscriptionRegistry()
  registry.add(ticker)
  const retried: string[] = []
  const reported: KrakenSocketsError[] = []
  return {
    registry,
    retried,
    reported,
    target: {
      registry,
      lastAcks: new Map<string, SubscriptionAckValue>(),
      acks: new AckWaiters(1_000),
      logger: createLogger({ level: false }),
      retry: (channel: string) => {
        retried.push(channel)
      },
      reportError: (error: KrakenSocketsError) => {
        reported.push(error)
      },
    },
  }
}

function refusal(error: string): SubscriptionAckValue {
  return {
    method: 'subscribe',
    success: false,
    error,
    symbol: 'BTC/USD',
    req_id: 7,
  } as SubscriptionAckValue
}

describe('settleAck', () => {
  test('behavior: a transient refusal of a replay keeps the intent pending and retries', () => {
    for (const error of [
      'Exceeded msg rate',
      'ESession:Invalid session',
      'Timed out: no acknowledgement within 1000 ms.',
    ]) {
      const { registry, retried, reported, target: t } = target()
      settleAck(t, {
        method: 'subscribe',
        params: ticker,
        symbol: 'BTC/USD',
        ack: refusal(error),
        replay: true,
      })
      expect(registry.list().map((intent) => intent.state)).toEqual(['pending'])
      expect(retried).toEqual(['ticker'])
      expect(reported).toEqual([])
    }
  })

  test('error: a definitive refusal of a replay rejects the intent and is reported', () => {
    const { registry, retried, reported, target: t } = target()
    settleAck(t, {
      method: 'subscribe',
      params: ticker,
      symbol: 'BTC/USD',
      ack: refusal('Currency pair not supported BTC/USD'),
      replay: true,
    })
    expect(registry.list().map((intent) => intent.state)).toEqual(['rejected'])
    expect(retried).toEqual([])
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatchObject({
      name: 'KrakenError',
      method: 'subscribe',
      reqId: 7,
    })
    expect(String((reported[0] as { error?: unknown }).error)).toMatch(
      /Currency pair not supported/,
    )
  })
})
