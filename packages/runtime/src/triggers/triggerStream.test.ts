import { expect, test } from 'vitest'
import type { DroppedValuesGap } from '../shared/gap.js'
import type { TriggerKey } from './triggerKey.js'
import { createTriggerRegistry } from './triggerRegistry.js'
import { createTriggerStream } from './triggerStream.js'

const TradesUpdateResponse: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'TradesUpdateResponse',
  families: [],
})

function setup(
  options: {
    signal?: AbortSignal
    stopSignal?: AbortSignal
    bufferSize?: number
  } = {},
) {
  const gaps: DroppedValuesGap[] = []
  const registry = createTriggerRegistry({ onError() {}, onGap() {} })
  const stream = createTriggerStream<number>({
    key: TradesUpdateResponse.name,
    subscribe: (push) => registry.add(TradesUpdateResponse, push),
    onGap: (gap) => gaps.push(gap),
    ...options,
  })
  const send = (...values: number[]) => {
    for (const value of values) registry.dispatch(TradesUpdateResponse, value)
  }
  return { registry, stream, send, gaps }
}

test('default', async () => {
  const { stream, send, registry } = setup()
  send(1, 2)
  const seen: number[] = []
  for await (const value of stream) {
    seen.push(value)
    if (value === 2) send(3)
    if (value === 3) break
  }
  expect(seen).toEqual([1, 2, 3])
  expect(stream.closed).toBe(true)
  expect(registry.hasHandlers(TradesUpdateResponse)).toBe(false)
})

test('behavior: a pending next() receives the next value directly', async () => {
  const { stream, send } = setup()
  const pending = stream.next()
  send(7)
  await expect(pending).resolves.toEqual({ done: false, value: 7 })
  await stream.return()
})

test('behavior: overflow drops the oldest and reports a gap before the next value', async () => {
  const { stream, send, gaps } = setup({ bufferSize: 2 })
  send(1, 2, 3, 4, 5)
  expect(stream.dropped).toBe(3)
  expect(gaps).toEqual([])
  await expect(stream.next()).resolves.toEqual({ done: false, value: 4 })
  expect(gaps).toEqual([
    {
      source: 'stream',
      key: 'TradesUpdateResponse',
      handler: undefined,
      dropped: 3,
    },
  ])
  await expect(stream.next()).resolves.toEqual({ done: false, value: 5 })
  await stream.return()
})

test('behavior: abort ends pending and later next() calls', async () => {
  const controller = new AbortController()
  const { stream, send, registry } = setup({ signal: controller.signal })
  const first = stream.next()
  const second = stream.next()
  controller.abort()
  await expect(first).resolves.toEqual({ done: true, value: undefined })
  await expect(second).resolves.toEqual({ done: true, value: undefined })
  send(1)
  await expect(stream.next()).resolves.toEqual({ done: true, value: undefined })
  expect(registry.hasHandlers(TradesUpdateResponse)).toBe(false)
})

test('behavior: the stop signal ends the stream and drops the buffer', async () => {
  const stop = new AbortController()
  const { stream, send, gaps } = setup({
    stopSignal: stop.signal,
    bufferSize: 1,
  })
  send(1, 2)
  stop.abort()
  await expect(stream.next()).resolves.toEqual({ done: true, value: undefined })
  // A drop not yet read is still reported when the stream ends.
  expect(gaps).toMatchObject([{ dropped: 1 }])
})

test('behavior: an already-aborted signal gives an ended stream that never registers', async () => {
  const { stream, registry } = setup({ signal: AbortSignal.abort() })
  expect(stream.closed).toBe(true)
  expect(registry.hasHandlers(TradesUpdateResponse)).toBe(false)
  await expect(stream.next()).resolves.toEqual({ done: true, value: undefined })
})

test('error: an invalid buffer size', () => {
  expect(() => setup({ bufferSize: 0 })).toThrow(RangeError)
})
