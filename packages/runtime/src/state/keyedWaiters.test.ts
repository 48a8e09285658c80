import { describe, expect, test } from 'vitest'
import { KeyedWaiters } from './keyedWaiters.js'

describe('KeyedWaiters', () => {
  test('default: resolve() settles every waiter of its key only', async () => {
    const waiters = new KeyedWaiters<string, number>()
    const a1 = waiters.wait('a')
    const a2 = waiters.wait('a')
    const b = waiters.wait('b')
    expect(waiters.size).toBe(3)
    waiters.resolve('a', 1)
    await expect(Promise.all([a1, a2])).resolves.toEqual([1, 1])
    expect(waiters.size).toBe(1)
    waiters.rejectAll(new Error('stopped'))
    await expect(b).rejects.toThrow('stopped')
    expect(waiters.size).toBe(0)
  })

  test('error: an aborted signal rejects with its reason and forgets the waiter', async () => {
    const waiters = new KeyedWaiters<string, number>()
    const controller = new AbortController()
    const waiting = waiters.wait('a', controller.signal)
    controller.abort(new Error('no longer'))
    await expect(waiting).rejects.toThrow('no longer')
    expect(waiters.size).toBe(0)
    await expect(waiters.wait('a', controller.signal)).rejects.toThrow(
      'no longer',
    )
  })
})
