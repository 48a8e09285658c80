import { afterEach, describe, expect, test, vi } from 'vitest'
import { ConditionDefinitionError, DuplicateConditionError } from '../errors.js'
import { createAlertEngine } from './alertEngine.js'

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
  }
}

/** Feeds values in order and returns, per value, the ids that fired. */
function run(
  engine: ReturnType<typeof createAlertEngine>,
  series: string,
  xs: number[],
) {
  return xs.map((x) => engine.update(series, x).map((a) => a.conditionId))
}

describe('createAlertEngine', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('default: a level condition fires, waits to clear, and fires again', () => {
    const alerts: unknown[] = []
    const engine = createAlertEngine({ onAlert: (a) => alerts.push(a) })
    engine.add({
      id: 'low',
      on: 'rsi',
      op: 'lt',
      value: 30,
      message: 'oversold',
    })
    expect(run(engine, 'rsi', [35, 29, 28, 31, 29])).toEqual([
      [],
      ['low'],
      [],
      [],
      ['low'],
    ])
    expect(alerts).toHaveLength(2)
    expect(alerts[1]).toMatchObject({
      conditionId: 'low',
      on: 'rsi',
      op: 'lt',
      value: 29,
      threshold: 30,
      firedCount: 2,
      message: 'oversold',
    })
    expect(JSON.parse(JSON.stringify(alerts[1]))).toEqual(alerts[1])
  })

  test('behavior: once fires a single time', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'o', on: 'x', op: 'gt', value: 1, mode: 'once' })
    expect(run(engine, 'x', [2, 0, 2, 0, 2]).flat()).toEqual(['o'])
    expect(engine.status('o')?.state).toBe('done')
  })

  test('behavior: hysteresis: re-arms only past the threshold by the margin', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'h', on: 'rsi', op: 'lt', value: 30, hysteresis: 5 })
    expect(run(engine, 'rsi', [29, 31, 29.5, 34.9, 29, 35, 29])).toEqual([
      ['h'],
      [],
      [],
      [],
      [],
      [],
      ['h'],
    ])
    expect(engine.status('h')).toMatchObject({ state: 'fired', firedCount: 2 })
  })

  test('behavior: cooldown holds a re-armed condition back', () => {
    const clock = manualClock()
    const engine = createAlertEngine({ now: clock.now })
    engine.add({ id: 'c', on: 'p', op: 'gt', value: 100, cooldown: 60_000 })
    expect(run(engine, 'p', [101, 99])).toEqual([['c'], []])
    clock.advance(10_000)
    expect(run(engine, 'p', [101])).toEqual([[]])
    expect(engine.status('c')?.state).toBe('cooling')
    clock.advance(50_000)
    expect(engine.update('p', 102).map((a) => a.at)).toEqual([clock.now()])
  })

  test('behavior: crossings, against a number and against another series', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'down', on: 'last', op: 'crosses_below', value: 60_000 })
    // The first value has no previous one, so it cannot cross.
    expect(
      run(engine, 'last', [59_000, 60_100, 60_000, 59_999, 59_000]).flat(),
    ).toEqual(['down'])

    engine.add({
      id: 'golden',
      on: 'ema12',
      op: 'crosses_above',
      value: { ref: 'ema26' },
    })
    engine.update('ema26', 100)
    expect(run(engine, 'ema12', [99, 99.5]).flat()).toEqual([])
    // The ref moving is a crossing too.
    expect(
      engine.update('ema26', 99).map((a) => [a.conditionId, a.threshold]),
    ).toEqual([['golden', 99]])
  })

  test('behavior: between and outside, with hysteresis', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'in', on: 'z', op: 'between', range: [-1, 1] })
    engine.add({
      id: 'out',
      on: 'z',
      op: 'outside',
      range: [-2, 2],
      hysteresis: 0.5,
    })
    // 1.8 and 2.5 do not re-arm 'out': 1.8 is not 0.5 inside the range.
    expect(run(engine, 'z', [0, 3, 1.8, 2.5, 1.4, 3])).toEqual([
      ['in'],
      ['out'],
      [],
      [],
      [],
      ['out'],
    ])
  })

  test('behavior: gte and lte include the threshold', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'ge', on: 'v', op: 'gte', value: 5 })
    engine.add({ id: 'le', on: 'v', op: 'lte', value: 5 })
    expect(run(engine, 'v', [5, 6, 5, 4, 5])).toEqual([
      ['ge', 'le'],
      [],
      ['le'],
      [],
      ['ge'],
    ])
  })

  test('behavior: a silent feed is stale: no fire, and check() says why', () => {
    const clock = manualClock()
    const engine = createAlertEngine({ now: clock.now, defaultMaxAge: 5_000 })
    engine.add({ id: 's', on: 'spread', op: 'gt', value: 10 })
    engine.add({
      id: 'pair',
      on: 'a',
      op: 'gt',
      value: { ref: 'b' },
      maxAge: 1_000,
    })
    engine.update('spread', 5)
    clock.advance(6_000)
    expect(engine.check().find((s) => s.id === 's')).toMatchObject({
      state: 'blocked',
      blocked: { reason: 'stale', series: 'spread', age: 6_000 },
    })
    // Fresh data unblocks it.
    expect(run(engine, 'spread', [11])).toEqual([['s']])
    expect(engine.status('s')?.blocked).toBeUndefined()

    // A condition over two series is stale when either one is.
    engine.update('b', 1)
    clock.advance(2_000)
    expect(engine.update('a', 2)).toEqual([])
    expect(engine.status('pair')).toMatchObject({
      state: 'blocked',
      blocked: { reason: 'stale', series: 'b', age: 2_000 },
    })
  })

  test('behavior: no crossing is seen across a stale gap', () => {
    const clock = manualClock()
    const engine = createAlertEngine({ now: clock.now })
    engine.add({
      id: 'x',
      on: 'p',
      op: 'crosses_above',
      value: 100,
      maxAge: 5_000,
    })
    engine.update('p', 99)
    clock.advance(60_000)
    expect(engine.update('p', 101)).toEqual([])
    clock.advance(1_000)
    expect(run(engine, 'p', [99, 101])).toEqual([[], ['x']])
  })

  test('behavior: an out-of-sync book withholds its series until it updates', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'wide', on: 'book.spread', op: 'gt', value: 50 })
    engine.update('book.spread', 10)
    engine.invalidate('book.spread')
    expect(engine.status('wide')).toMatchObject({
      state: 'blocked',
      blocked: { reason: 'out_of_sync', series: 'book.spread' },
    })
    expect(engine.check()[0]?.blocked?.reason).toBe('out_of_sync')
    // The next value (a fresh snapshot) makes it usable again.
    expect(run(engine, 'book.spread', [60])).toEqual([['wide']])
  })

  test('behavior: a condition with no data yet is blocked as no_data', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'n', on: 'nothing', op: 'gt', value: 0 })
    expect(engine.status('n')).toMatchObject({
      state: 'blocked',
      blocked: { reason: 'no_data', series: 'nothing' },
      firedCount: 0,
    })
  })

  test('behavior: the default clock is Date.now (fake timers)', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-01T00:00:00Z'))
    const engine = createAlertEngine({ defaultMaxAge: 30_000 })
    engine.add({ id: 't', on: 'last', op: 'gt', value: 1 })
    engine.update('last', 0)
    vi.advanceTimersByTime(29_999)
    expect(engine.check()[0]?.state).toBe('armed')
    vi.advanceTimersByTime(2)
    expect(engine.check()[0]?.blocked).toEqual({
      reason: 'stale',
      series: 'last',
      age: 30_001,
    })
  })

  test('behavior: remove, and definitions() serialise', () => {
    const engine = createAlertEngine()
    engine.add({ id: 'a', on: 'x', op: 'gt', value: 1 })
    engine.add({ id: 'b', on: 'x', op: 'lt', value: { ref: 'y' } })
    const copy = createAlertEngine()
    for (const d of JSON.parse(JSON.stringify(engine.definitions())))
      copy.add(d)
    expect(copy.definitions()).toEqual(engine.definitions())
    expect(engine.remove('a')).toBe(true)
    expect(engine.remove('a')).toBe(false)
    expect(engine.update('x', 5)).toEqual([])
    expect(engine.status('a')).toBeUndefined()
  })

  test('error: a bad definition or a duplicate id', () => {
    const engine = createAlertEngine()
    expect(() => engine.add({ id: 'a', on: 'x', op: 'gt' } as never)).toThrow(
      ConditionDefinitionError,
    )
    engine.add({ id: 'a', on: 'x', op: 'gt', value: 1 })
    expect(() => engine.add({ id: 'a', on: 'x', op: 'lt', value: 1 })).toThrow(
      DuplicateConditionError,
    )
  })
})
