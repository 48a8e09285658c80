import { describe, expect, test } from 'vitest'
import type { HandlerError } from '../errors.js'
import { DecodeFailureError } from '../errors.js'
import type { GapEvent } from '../shared/gap.js'
import type { TriggerKey } from './triggerKey.js'
import { type CatchAllItem, createTriggerRegistry } from './triggerRegistry.js'

const UpdateResponse: TriggerKey = { kind: 'family', name: 'UpdateResponse' }
const AnyResponse: TriggerKey = { kind: 'family', name: 'Response' }
const TickerUpdateResponse: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'TickerUpdateResponse',
  families: [UpdateResponse, AnyResponse],
})
const HeartbeatResponse: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'HeartbeatResponse',
  families: [AnyResponse],
})

function setup(queueSize?: number) {
  const errors: HandlerError[] = []
  const gaps: GapEvent[] = []
  const registry = createTriggerRegistry({
    ...(queueSize === undefined ? {} : { queueSize }),
    onError: (error) => errors.push(error),
    onGap: (gap) => gaps.push(gap),
  })
  return { registry, errors, gaps }
}

/** A promise with its resolvers, to drive async handlers step by step. */
function deferred() {
  let resolve: () => void = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('dispatch', () => {
  test('default', () => {
    const { registry } = setup()
    const seen: unknown[] = []
    registry.add(TickerUpdateResponse, (value: number) => seen.push(value))
    registry.dispatch(TickerUpdateResponse, 1)
    // An idle handler is called synchronously, inside dispatch.
    expect(seen).toEqual([1])
  })

  test('behavior: type, then families, then catch-alls, each in order', () => {
    const { registry } = setup()
    const calls: string[] = []
    registry.addCatchAll((item) => calls.push(`all:${item.kind}`))
    registry.add(AnyResponse, () => calls.push('any'))
    registry.add(UpdateResponse, () => calls.push('update'))
    registry.add(TickerUpdateResponse, () => calls.push('ticker1'))
    registry.add(TickerUpdateResponse, () => calls.push('ticker2'))
    registry.add(HeartbeatResponse, () => calls.push('heartbeat'))
    registry.dispatch(TickerUpdateResponse, {})
    expect(calls).toEqual([
      'ticker1',
      'ticker2',
      'update',
      'any',
      'all:response',
    ])
  })

  test('behavior: catch-alls receive decode failures', () => {
    const { registry } = setup()
    const items: CatchAllItem[] = []
    registry.addCatchAll((item) => items.push(item))
    const failure = new DecodeFailureError({
      raw: 'CloudFlare',
      reason: 'not JSON',
    })
    registry.dispatchFailure(failure)
    registry.dispatch(HeartbeatResponse, { channel: 'heartbeat' })
    expect(items).toEqual([
      { kind: 'undecoded', error: failure },
      {
        kind: 'response',
        type: HeartbeatResponse,
        value: { channel: 'heartbeat' },
      },
    ])
  })

  test('behavior: remover stops delivery and is idempotent', () => {
    const { registry } = setup()
    const seen: number[] = []
    const off = registry.add(TickerUpdateResponse, (value: number) =>
      seen.push(value),
    )
    registry.dispatch(TickerUpdateResponse, 1)
    off()
    off()
    registry.dispatch(TickerUpdateResponse, 2)
    expect(seen).toEqual([1])
    expect(registry.hasHandlers(TickerUpdateResponse)).toBe(false)
  })

  test('behavior: a handler removing another during dispatch', () => {
    const { registry } = setup()
    const calls: string[] = []
    let offSecond = () => {}
    registry.add(TickerUpdateResponse, () => {
      calls.push('first')
      offSecond()
    })
    offSecond = registry.add(TickerUpdateResponse, () => calls.push('second'))
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(TickerUpdateResponse, 2)
    expect(calls).toEqual(['first', 'first'])
  })

  test('behavior: handlers added after a dispatch receive later messages', () => {
    const { registry } = setup()
    const calls: string[] = []
    registry.dispatch(TickerUpdateResponse, 1)
    registry.add(AnyResponse, (value: number) => calls.push(`any ${value}`))
    registry.dispatch(TickerUpdateResponse, 2)
    registry.add(TickerUpdateResponse, (value: number) =>
      calls.push(`ticker ${value}`),
    )
    registry.dispatch(TickerUpdateResponse, 3)
    expect(calls).toEqual(['any 2', 'ticker 3', 'any 3'])
  })

  test('behavior: hasHandlers sees families and catch-alls', () => {
    const { registry } = setup()
    expect(registry.hasHandlers(TickerUpdateResponse)).toBe(false)
    const off = registry.add(UpdateResponse, () => {})
    expect(registry.hasHandlers(TickerUpdateResponse)).toBe(true)
    expect(registry.hasHandlers(HeartbeatResponse)).toBe(false)
    off()
    registry.addCatchAll(() => {})
    expect(registry.hasHandlers(HeartbeatResponse)).toBe(true)
  })

  test('error: a non-function handler', () => {
    const { registry } = setup()
    expect(() =>
      registry.add(TickerUpdateResponse, 'nope' as unknown as () => void),
    ).toThrow(TypeError)
    expect(() =>
      createTriggerRegistry({ queueSize: 0, onError() {}, onGap() {} }),
    ).toThrow(RangeError)
  })
})

describe('async handlers', () => {
  test('behavior: next call waits for the previous one to settle', async () => {
    const { registry } = setup()
    const steps = [deferred(), deferred(), deferred()]
    const started: number[] = []
    registry.add(TickerUpdateResponse, (value: number) => {
      started.push(value)
      return steps[value]?.promise
    })
    registry.dispatch(TickerUpdateResponse, 0)
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(TickerUpdateResponse, 2)
    expect(started).toEqual([0])
    expect(registry.stats()).toMatchObject({ busy: 1, queued: 2 })
    steps[0]?.resolve()
    await steps[0]?.promise
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    steps[1]?.resolve()
    steps[2]?.resolve()
    await registry.drain()
    expect(started).toEqual([0, 1, 2])
    expect(registry.stats()).toMatchObject({ busy: 0, queued: 0, dropped: 0 })
  })

  test('behavior: a busy handler does not hold back the others', () => {
    const { registry } = setup()
    const slow = deferred()
    const fast: number[] = []
    registry.add(TickerUpdateResponse, () => slow.promise)
    registry.add(TickerUpdateResponse, (value: number) => fast.push(value))
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(TickerUpdateResponse, 2)
    expect(fast).toEqual([1, 2])
    slow.resolve()
  })

  test('behavior: overflow drops the oldest and reports one gap', async () => {
    const { registry, gaps } = setup(2)
    const gate = deferred()
    const seen: number[] = []
    const handler = (value: number) => {
      seen.push(value)
      return value === 0 ? gate.promise : undefined
    }
    registry.add(TickerUpdateResponse, handler)
    for (let value = 0; value < 6; value++) {
      registry.dispatch(TickerUpdateResponse, value)
    }
    // 0 runs, 1..5 queue in 2 slots: 1, 2, 3 dropped.
    expect(registry.stats()).toMatchObject({ queued: 2, dropped: 3 })
    expect(gaps).toEqual([])
    gate.resolve()
    await registry.drain()
    expect(seen).toEqual([0, 4, 5])
    expect(gaps).toEqual([
      { source: 'handler', key: 'TickerUpdateResponse', handler, dropped: 3 },
    ])
    expect(registry.stats().byHandler).toEqual([
      {
        key: 'TickerUpdateResponse',
        handler: 'handler',
        queued: 0,
        dropped: 3,
        busy: false,
      },
    ])
  })

  test('behavior: unreported drops are reported on removal', () => {
    const { registry, gaps } = setup(1)
    const off = registry.add(TickerUpdateResponse, () => new Promise(() => {}))
    for (let value = 0; value < 4; value++) {
      registry.dispatch(TickerUpdateResponse, value)
    }
    off()
    expect(gaps).toMatchObject([{ dropped: 2 }])
    // Drops of removed handlers still count in the registry's total.
    expect(registry.stats()).toMatchObject({ handlers: 0, dropped: 2 })
  })

  test('behavior: drain waits for every busy handler', async () => {
    const { registry } = setup()
    const first = deferred()
    const second = deferred()
    registry.add(TickerUpdateResponse, () => first.promise)
    registry.add(HeartbeatResponse, () => second.promise)
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(HeartbeatResponse, 1)
    let drained = false
    const drain = registry.drain().then(() => {
      drained = true
    })
    first.resolve()
    await first.promise
    await Promise.resolve()
    expect(drained).toBe(false)
    second.resolve()
    await drain
    expect(drained).toBe(true)
  })

  test('behavior: a removed handler still drains its pending call', async () => {
    const { registry } = setup()
    const gate = deferred()
    const seen: number[] = []
    const off = registry.add(TickerUpdateResponse, (value: number) => {
      seen.push(value)
      return gate.promise
    })
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(TickerUpdateResponse, 2)
    off()
    gate.resolve()
    await registry.drain()
    expect(seen).toEqual([1])
  })

  test('behavior: re-entrant dispatch from a handler is queued, not nested', () => {
    const { registry } = setup()
    const seen: string[] = []
    registry.add(TickerUpdateResponse, (value: number) => {
      seen.push(`start ${value}`)
      if (value === 1) registry.dispatch(TickerUpdateResponse, 2)
      seen.push(`end ${value}`)
    })
    registry.dispatch(TickerUpdateResponse, 1)
    expect(seen).toEqual(['start 1', 'end 1', 'start 2', 'end 2'])
  })
})

describe('failures', () => {
  test('error: a throwing handler is reported and others still run', () => {
    const { registry, errors } = setup()
    const seen: number[] = []
    const broken = () => {
      throw new Error('boom')
    }
    registry.add(UpdateResponse, broken)
    registry.add(AnyResponse, (value: number) => seen.push(value))
    registry.dispatch(TickerUpdateResponse, 7)
    registry.dispatch(TickerUpdateResponse, 8)
    expect(seen).toEqual([7, 8])
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatchObject({
      name: 'HandlerError',
      key: 'UpdateResponse',
      type: 'TickerUpdateResponse',
      handler: broken,
      value: 7,
    })
    expect(errors[0]?.cause).toEqual(new Error('boom'))
    expect(errors[0]?.message).toContain(
      'Handler "broken" for UpdateResponse failed.',
    )
  })

  test('error: a rejecting handler is reported and its next value still runs', async () => {
    // Vitest fails the run on any unhandled rejection, so none may escape here.
    const { registry, errors } = setup()
    const seen: number[] = []
    registry.add(TickerUpdateResponse, async (value: number) => {
      seen.push(value)
      if (value === 1) throw new Error('rejected')
    })
    registry.dispatch(TickerUpdateResponse, 1)
    registry.dispatch(TickerUpdateResponse, 2)
    await registry.drain()
    expect(seen).toEqual([1, 2])
    expect(errors.map((error) => [error.value, error.cause])).toEqual([
      [1, new Error('rejected')],
    ])
  })

  test('error: a throwing error hook does not stop delivery', () => {
    const registry = createTriggerRegistry({
      onError() {
        throw new Error('hook')
      },
      onGap() {},
    })
    const seen: number[] = []
    registry.add(TickerUpdateResponse, () => {
      throw new Error('handler')
    })
    registry.add(TickerUpdateResponse, (value: number) => seen.push(value))
    registry.dispatch(TickerUpdateResponse, 1)
    expect(seen).toEqual([1])
  })

  test('error: a thenable whose then throws counts as a failure', () => {
    const { registry, errors } = setup()
    registry.add(TickerUpdateResponse, () => ({
      // biome-ignore lint/suspicious/noThenProperty: testing a hostile thenable
      then() {
        throw new Error('bad then')
      },
    }))
    registry.dispatch(TickerUpdateResponse, 1)
    expect(errors.map((error) => error.cause)).toEqual([new Error('bad then')])
    expect(registry.stats().busy).toBe(0)
  })

  test('behavior: clear removes everything', () => {
    const { registry } = setup()
    const seen: unknown[] = []
    registry.add(TickerUpdateResponse, (value) => seen.push(value))
    registry.addCatchAll((value) => seen.push(value))
    registry.clear()
    registry.dispatch(TickerUpdateResponse, 1)
    expect(seen).toEqual([])
    expect(registry.stats()).toEqual({
      handlers: 0,
      busy: 0,
      queued: 0,
      dropped: 0,
      byHandler: [],
    })
  })
})
