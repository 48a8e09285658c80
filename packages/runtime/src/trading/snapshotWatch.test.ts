import { afterEach, describe, expect, test, vi } from 'vitest'
import { SnapshotWatch } from './snapshotWatch.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('SnapshotWatch', () => {
  test('behavior: asks again every period until a snapshot arrives', async () => {
    vi.useFakeTimers()
    const asked: number[] = []
    const watch = new SnapshotWatch({
      every: 1_000,
      resubscribe: async () => {
        asked.push(Date.now())
        return true
      },
    })
    watch.want()
    await vi.advanceTimersByTimeAsync(999)
    expect(asked).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(2_001)
    expect(asked).toHaveLength(3)
    watch.got()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(asked).toHaveLength(3)
    expect(watch.wanted).toBe(false)
  })

  test('behavior: a snapshot in time asks for nothing; a failed attempt is retried', async () => {
    vi.useFakeTimers()
    let calls = 0
    const watch = new SnapshotWatch({
      every: 500,
      resubscribe: async () => {
        calls++
        if (calls === 1) throw new Error('timed out')
        return true
      },
    })
    watch.want()
    watch.got()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(calls).toBe(0)
    watch.want()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(calls).toBe(2)
    watch.stop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toBe(2)
  })

  test('edge: a channel not subscribed at all ends the wait', async () => {
    vi.useFakeTimers()
    let calls = 0
    const watch = new SnapshotWatch({
      every: 100,
      resubscribe: async () => {
        calls++
        return false
      },
    })
    watch.want()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(calls).toBe(1)
    expect(watch.wanted).toBe(false)
  })
})
