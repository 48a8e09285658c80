import { expect, test } from 'vitest'
import { createRequestIdAllocator, MAX_REQ_ID } from './requestIds.js'

test('default', () => {
  const ids = createRequestIdAllocator()
  expect([ids.next(), ids.next(), ids.next()]).toEqual([1, 2, 3])
  expect(ids.inFlight).toBe(3)
  ids.release(2)
  expect(ids.isInFlight(2)).toBe(false)
  expect(ids.inFlight).toBe(2)
})

test('behavior: wraps to 1 after the int32 maximum', () => {
  const ids = createRequestIdAllocator({ start: MAX_REQ_ID })
  expect(MAX_REQ_ID).toBe(2 ** 31 - 1)
  expect([ids.next(), ids.next()]).toEqual([MAX_REQ_ID, 1])
})

test('behavior: a wrap skips ids still in flight', () => {
  const ids = createRequestIdAllocator({ max: 5 })
  const taken = [ids.next(), ids.next(), ids.next(), ids.next(), ids.next()]
  expect(taken).toEqual([1, 2, 3, 4, 5])
  ids.release(1)
  ids.release(4)
  expect(ids.next()).toBe(1)
  expect(ids.next()).toBe(4)
  expect(() => ids.next()).toThrow(RangeError)
})

test('behavior: clear releases everything but keeps counting', () => {
  const ids = createRequestIdAllocator()
  ids.next()
  ids.next()
  ids.clear()
  expect(ids.inFlight).toBe(0)
  expect(ids.next()).toBe(3)
})
