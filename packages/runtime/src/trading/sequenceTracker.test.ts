import { expect, test } from 'vitest'
import { createSequenceTracker } from './sequenceTracker.js'

test('default', () => {
  const tracker = createSequenceTracker()
  expect(tracker.check({ type: 'snapshot', sequence: 1 })).toEqual({ ok: true })
  expect(tracker.check({ type: 'update', sequence: 2 })).toEqual({ ok: true })
  expect(tracker.expected).toBe(3)
})

test('behavior: reports a gap once and continues from the received sequence', () => {
  const tracker = createSequenceTracker()
  tracker.check({ type: 'snapshot', sequence: 1 })
  expect(tracker.check({ type: 'update', sequence: 5 })).toEqual({
    ok: false,
    kind: 'gap',
    expected: 2,
    received: 5,
    missed: 3,
  })
  expect(tracker.check({ type: 'update', sequence: 6 })).toEqual({ ok: true })
})

test('behavior: reports duplicates and reordering as stale', () => {
  const tracker = createSequenceTracker()
  tracker.check({ type: 'update', sequence: 8 })
  tracker.check({ type: 'update', sequence: 9 })
  expect(tracker.check({ type: 'update', sequence: 9 })).toEqual({
    ok: false,
    kind: 'stale',
    expected: 10,
    received: 9,
  })
  expect(tracker.expected).toBe(10)
})

test('behavior: a new snapshot restarts the count; reset forgets it', () => {
  const tracker = createSequenceTracker()
  tracker.check({ type: 'snapshot', sequence: 1 })
  tracker.check({ type: 'update', sequence: 2 })
  // resubscribed after a reconnect: the new snapshot restarts at 1
  expect(tracker.check({ type: 'snapshot', sequence: 1 })).toEqual({ ok: true })
  expect(tracker.check({ type: 'update', sequence: 2 })).toEqual({ ok: true })
  tracker.reset()
  expect(tracker.expected).toBeUndefined()
  expect(tracker.check({ type: 'update', sequence: 143 })).toEqual({ ok: true })
  expect(tracker.check({ type: 'update', sequence: 144 })).toEqual({ ok: true })
})

test('behavior: messages without sequence are not checked', () => {
  const tracker = createSequenceTracker()
  expect(tracker.check({ type: 'update' })).toEqual({ ok: true })
  expect(tracker.expected).toBeUndefined()
})
