import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { watchResources } from './resourceWatcher.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

test('default: one notification per interval however often the resource changes', async () => {
  let version = 0
  const changed: string[] = []
  const watcher = watchResources({
    read: async () => String(version),
    changed: (uri) => changed.push(uri),
    interval: 1_000,
  })
  await watcher.subscribe('kraken://tickers')
  for (let i = 0; i < 50; i += 1) {
    version += 1
    await vi.advanceTimersByTimeAsync(20)
  }
  // 50 changes over 1 s: one notification.
  expect(changed).toEqual(['kraken://tickers'])
  await vi.advanceTimersByTimeAsync(5_000)
  // Nothing changed since: no more.
  expect(changed).toHaveLength(1)
  watcher.close()
})

test('behavior: unsubscribed resources are not reported', async () => {
  let version = 0
  const changed: string[] = []
  const watcher = watchResources({
    read: async (uri) => `${uri}:${version}`,
    changed: (uri) => changed.push(uri),
    interval: 100,
  })
  await watcher.subscribe('a')
  await watcher.subscribe('b')
  watcher.unsubscribe('a')
  version += 1
  await vi.advanceTimersByTimeAsync(100)
  expect(changed).toEqual(['b'])
  watcher.unsubscribe('b')
  version += 1
  await vi.advanceTimersByTimeAsync(1_000)
  expect(changed).toEqual(['b'])
})

test('error: subscribing to a resource that cannot be read rejects', async () => {
  const watcher = watchResources({
    read: async () => {
      throw new Error('no such resource')
    },
    changed: () => undefined,
  })
  await expect(watcher.subscribe('kraken://nothing')).rejects.toThrow(
    'no such resource',
  )
  watcher.close()
})
