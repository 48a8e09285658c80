/**
 * How the runtime wires these parts together: registry failures and gaps
 * become events, and what no listener takes reaches the logger, redacted.
 */

import { createEventEmitter } from '@kraken-sockets/transport'
import { expect, test } from 'vitest'
import { DecodeFailureError, type KrakenSocketsError } from '../errors.js'
import type { DroppedValuesGap } from '../shared/gap.js'
import { createLogger } from '../shared/logger.js'
import type { LogLevel } from '../shared/logLevel.js'
import type { TriggerKey } from '../triggers/triggerKey.js'
import { createTriggerRegistry } from '../triggers/triggerRegistry.js'

const BalancesUpdateResponse: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'BalancesUpdateResponse',
  families: [],
})

function setup() {
  const lines: [string, LogLevel, Readonly<Record<string, unknown>>][] = []
  const logger = createLogger({
    level: 'debug',
    sink: (message, level, context) => lines.push([message, level, context]),
  })
  const token = 'WW91ciBhdXRoZW50aWNhdGlvbiB0b2tlbg'
  logger.addSecret(token)
  const events = createEventEmitter<{
    error: KrakenSocketsError
    gap: DroppedValuesGap
  }>({
    unreported: (error, event) =>
      logger.log(
        error instanceof Error ? error.message : String(error),
        'error',
        { event },
      ),
  })
  const registry = createTriggerRegistry({
    queueSize: 1,
    onError: (error) => events.emit('error', error),
    onGap: (gap) => events.emit('gap', gap),
  })
  return { lines, events, registry, token }
}

test('default', () => {
  const { lines, registry, token } = setup()
  registry.add(BalancesUpdateResponse, function onBalances() {
    throw new Error(`refused ${token}`)
  })
  registry.dispatch(BalancesUpdateResponse, {})
  expect(lines).toEqual([
    [
      'Handler "onBalances" for BalancesUpdateResponse failed.\n\nDetails: Error: refused [redacted]',
      'error',
      { event: 'error' },
    ],
  ])
})

test('behavior: listeners receive errors and gaps instead of the logger', async () => {
  const { lines, events, registry } = setup()
  const seen: string[] = []
  events.on('error', (error) => seen.push(error.name))
  events.on('gap', (gap) => seen.push(`gap ${gap.dropped}`))
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  registry.add(BalancesUpdateResponse, (index: number) =>
    index === 0 ? gate : undefined,
  )
  for (let index = 0; index < 4; index++)
    registry.dispatch(BalancesUpdateResponse, index)
  release()
  await registry.drain()
  events.emit(
    'error',
    new DecodeFailureError({
      raw: 'CloudFlare WebSocket proxy restarting',
      reason: 'not JSON',
    }),
  )
  expect(seen).toEqual(['gap 2', 'DecodeFailureError'])
  expect(lines).toEqual([])
})
