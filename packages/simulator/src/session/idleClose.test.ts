import { afterEach, expect, test, vi } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { IDLE_CLOSE_CODE, IDLE_CLOSE_REASON } from './idleClose.js'

const open = closeAfterEach()
afterEach(() => {
  vi.useRealTimers()
})

test('default: connections are never closed for being idle', async () => {
  const simulator = await open.start()
  const client = await open.connect(simulator.publicUrl)
  await client.next((f) => f.includes('"channel":"status"'))
  // The only timers are the simulator's own (heartbeats), none per connection.
  expect(simulator.activeTimers).toBe(1)
})

test('behavior: idleTimeout closes a client that sent nothing, any message restarts the wait', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const simulator = await open.start({ idleTimeout: 60_000 })
  const quiet = await open.connect(simulator.publicUrl)
  const chatty = await open.connect(simulator.publicUrl)
  await Promise.all([quiet.next(), chatty.next()])
  vi.advanceTimersByTime(40_000)
  await chatty.sync()
  vi.advanceTimersByTime(40_000)
  expect(await quiet.closed).toEqual({
    code: IDLE_CLOSE_CODE,
    reason: IDLE_CLOSE_REASON,
  })
  // 80 s after connecting, but only 40 s after its ping.
  await chatty.sync()
  vi.advanceTimersByTime(59_999)
  await chatty.sync()
  vi.advanceTimersByTime(60_000)
  expect((await chatty.closed).code).toBe(IDLE_CLOSE_CODE)
  expect(simulator.stats.connections.map((c) => c.closeCode)).toEqual([
    IDLE_CLOSE_CODE,
    IDLE_CLOSE_CODE,
  ])
})

test('error: idleTimeout must be a positive number or false', async () => {
  await expect(startSimulator({ idleTimeout: 0 })).rejects.toThrow(RangeError)
  await expect(startSimulator({ idleTimeout: Number.NaN })).rejects.toThrow(
    /idleTimeout/,
  )
  const simulator = await open.start({ idleTimeout: false })
  expect(simulator.activeTimers).toBe(1)
})
