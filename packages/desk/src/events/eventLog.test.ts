import { expect, test } from 'vitest'
import { createEventLog } from './eventLog.js'

test('default: events after an id, in order', () => {
  const log = createEventLog(4)
  for (let i = 0; i < 3; i += 1) log.push('ticker', i)
  expect(log.since(1)).toEqual({
    ok: true,
    events: [
      { id: 2, kind: 'ticker', data: 1 },
      { id: 3, kind: 'ticker', data: 2 },
    ],
  })
  expect(log.since(3)).toEqual({ ok: true, events: [] })
  expect(log.since(0).events.map((e) => e.id)).toEqual([1, 2, 3])
})

test('behavior: a reader too far behind gets a gap with what remains', () => {
  const log = createEventLog(4)
  for (let i = 0; i < 10; i += 1) log.push('trade', i)
  const replay = log.since(2)
  expect(replay.ok).toBe(false)
  expect(replay).toMatchObject({ oldest: 7 })
  expect(replay.events.map((e) => e.id)).toEqual([7, 8, 9, 10])
  // Exactly at the edge: id 6 seen, 7 still held.
  expect(log.since(6).ok).toBe(true)
  expect(log.oldestId).toBe(7)
  expect(createEventLog(4).oldestId).toBe(1)
})

test('behavior: listeners get each event; the remover stops them', () => {
  const log = createEventLog()
  const seen: number[] = []
  const stop = log.listen((event) => seen.push(event.id))
  log.push('alert', {})
  stop()
  log.push('alert', {})
  expect(seen).toEqual([1])
  expect(() => createEventLog(0)).toThrow(RangeError)
})
