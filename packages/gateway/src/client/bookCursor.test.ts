import { describe, expect, test } from 'vitest'
import { BookCursor } from './bookCursor.js'

const update = (epoch: number, seq: number) =>
  ({ kind: 'update', epoch, seq }) as const

describe('BookCursor', () => {
  test('applies the series in order and skips repeats and older epochs', () => {
    const cursor = new BookCursor(3, 5)
    expect(cursor.step(update(3, 6)).action).toBe('emit')
    expect(cursor.step(update(3, 6)).action).toBe('skip')
    expect(cursor.step(update(2, 9)).action).toBe('skip')
    expect(cursor.step({ kind: 'reset', epoch: 4, seq: 0 }).action).toBe('skip')
    expect(cursor.step({ kind: 'snapshot', epoch: 4, seq: 1 }).action).toBe(
      'emit',
    )
    expect(cursor.step(update(4, 2)).action).toBe('emit')
    expect([cursor.epoch, cursor.seq]).toEqual([4, 2])
  })

  test('a gap in the sequence is a resync', () => {
    expect(new BookCursor(1, 1).step(update(1, 3))).toEqual({
      action: 'resync',
      reason: 'sequence gap: 1 → 3',
    })
  })

  test('an update of an epoch whose reset was never seen is a resync, not a skip', () => {
    expect(new BookCursor(1, 7).step(update(2, 2))).toEqual({
      action: 'resync',
      reason: 'missed the start of epoch 2 (at 1)',
    })
  })

  test('a snapshot of a newer epoch is a whole book: the cursor starts from it', () => {
    const cursor = new BookCursor(1, 7)
    expect(cursor.step({ kind: 'snapshot', epoch: 2, seq: 1 }).action).toBe(
      'emit',
    )
    expect(cursor.step(update(2, 2)).action).toBe('emit')
  })
})
