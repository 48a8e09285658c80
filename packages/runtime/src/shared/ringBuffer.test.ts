import { expect, test } from 'vitest'
import { RingBuffer } from './ringBuffer.js'

test('default', () => {
  const buffer = new RingBuffer<number>(3)
  expect([buffer.push(1), buffer.push(2)]).toEqual([false, false])
  expect(buffer.shift()).toBe(1)
  expect([buffer.push(3), buffer.push(4), buffer.push(5)]).toEqual([
    false,
    false,
    true,
  ])
  expect(buffer.size).toBe(3)
  expect([
    buffer.shift(),
    buffer.shift(),
    buffer.shift(),
    buffer.shift(),
  ]).toEqual([3, 4, 5, undefined])
})

test('behavior: clear empties it', () => {
  const buffer = new RingBuffer<string>(2)
  buffer.push('a')
  buffer.clear()
  expect(buffer.size).toBe(0)
  buffer.push('b')
  expect(buffer.shift()).toBe('b')
})

test('error: invalid capacity', () => {
  expect(() => new RingBuffer(0)).toThrow(RangeError)
  expect(() => new RingBuffer(1.5)).toThrow(RangeError)
})
