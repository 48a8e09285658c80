import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  type SilenceWindows,
  type SubscriptionHealthEvent,
  SubscriptionLiveness,
} from './subscriptionLiveness.js'
import type {
  SubscriptionIntent,
  SubscriptionParams,
} from './subscriptionRegistry.js'

afterEach(() => {
  vi.useRealTimers()
})

const intent = (channel: string, symbol: string): SubscriptionIntent => ({
  channel,
  symbol,
  params: channel === 'book' ? { depth: 10 } : {},
  paramsKey: channel === 'book' ? '{"depth":10}' : '{}',
  state: 'live',
  error: undefined,
})

function watch(
  windows: SilenceWindows,
  live: SubscriptionIntent[],
  answer: () => Promise<unknown> = async () => undefined,
  isSyncing?: (channel: string, symbol: string | undefined) => boolean,
) {
  const events: SubscriptionHealthEvent[] = []
  const frames: { method: string; params: SubscriptionParams }[] = []
  const liveness = new SubscriptionLiveness({
    windows,
    live: () => live,
    isOpen: () => true,
    exchange: (_endpoint, method, params) => {
      frames.push({ method, params })
      return answer()
    },
    emit: (event) => events.push(event),
    ...(isSyncing === undefined ? {} : { isSyncing }),
  })
  return { liveness, events, frames }
}

describe('SubscriptionLiveness', () => {
  test('behavior: a stream silent past its window is resubscribed alone, and reported', async () => {
    vi.useFakeTimers()
    const book = intent('book', 'BTC/USD')
    const other = intent('book', 'ETH/USD')
    const { liveness, events, frames } = watch({ book: 1_000 }, [book, other])
    liveness.seen('book', ['BTC/USD', 'ETH/USD'])
    // ETH/USD keeps streaming; BTC/USD stops.
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(250)
      liveness.seen('book', ['ETH/USD'])
    }
    expect(events).toEqual([
      {
        type: 'silent',
        endpoint: 'public',
        channel: 'book',
        symbol: 'BTC/USD',
        silentFor: 1_000,
      },
      {
        type: 'resubscribed',
        endpoint: 'public',
        channel: 'book',
        symbol: 'BTC/USD',
      },
    ])
    expect(frames).toEqual([
      {
        method: 'unsubscribe',
        params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
      },
      {
        method: 'subscribe',
        params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
      },
    ])
    liveness.stop()
  })

  test('behavior: data within the window keeps a stream quiet; unwatched channels are never checked', async () => {
    vi.useFakeTimers()
    const { liveness, events } = watch({ book: 1_000 }, [
      intent('book', 'BTC/USD'),
      intent('ticker', 'BTC/USD'),
    ])
    for (let i = 0; i < 20; i++) {
      liveness.seen('book', ['BTC/USD'])
      await vi.advanceTimersByTimeAsync(500)
    }
    expect(events).toEqual([])
    liveness.stop()
  })

  test('error: a failed resubscription is reported and tried again after another window', async () => {
    vi.useFakeTimers()
    const { liveness, events } = watch(
      { ticker: 400 },
      [intent('ticker', 'BTC/USD')],
      async () => {
        throw new Error('Timed out')
      },
    )
    liveness.seen('ticker', ['BTC/USD'])
    await vi.advanceTimersByTimeAsync(400)
    expect(events.map((event) => event.type)).toEqual([
      'silent',
      'resubscribe-failed',
    ])
    expect(events[1]).toMatchObject({ reason: 'Timed out' })
    await vi.advanceTimersByTimeAsync(400)
    expect(events.map((event) => event.type)).toEqual([
      'silent',
      'resubscribe-failed',
      'silent',
      'resubscribe-failed',
    ])
    liveness.stop()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(events).toHaveLength(4)
  })

  test('edge: a socket lost forgets when its streams were seen; no windows, no timer', async () => {
    vi.useFakeTimers()
    const { liveness, events } = watch({ book: 1_000 }, [
      intent('book', 'BTC/USD'),
    ])
    liveness.seen('book', ['BTC/USD'])
    await vi.advanceTimersByTimeAsync(750)
    liveness.socketLost('public')
    // Watched afresh from the next check: not silent 1 s after the loss.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(events).toEqual([])
    await vi.advanceTimersByTimeAsync(250)
    expect(events.map((event) => event.type)).toContain('silent')
    liveness.stop()
    const off = watch({ book: false }, [intent('book', 'BTC/USD')])
    off.liveness.seen('book', ['BTC/USD'])
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: a book its owner is resyncing is left alone, and watched afresh after', async () => {
    vi.useFakeTimers()
    let syncing = true
    const { liveness, events } = watch(
      { book: 1_000 },
      [intent('book', 'BTC/USD')],
      undefined,
      () => syncing,
    )
    liveness.seen('book', ['BTC/USD'])
    await vi.advanceTimersByTimeAsync(5_000)
    expect(events).toEqual([])
    syncing = false
    await vi.advanceTimersByTimeAsync(750)
    expect(events).toEqual([])
    await vi.advanceTimersByTimeAsync(500)
    expect(events.map((event) => event.type)).toContain('silent')
    liveness.stop()
  })
})
