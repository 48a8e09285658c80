import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createDeadMansSwitch } from './deadMansSwitch.js'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

test('default', async () => {
  const sent: number[] = []
  const dms = createDeadMansSwitch({ send: async (t) => void sent.push(t) })
  dms.start()
  expect(sent).toEqual([60])
  vi.advanceTimersByTime(19_999)
  expect(sent).toEqual([60])
  vi.advanceTimersByTime(1)
  expect(sent).toEqual([60, 60])
  vi.advanceTimersByTime(40_000)
  expect(sent).toEqual([60, 60, 60, 60])
  await dms.stop()
  expect(sent).toEqual([60, 60, 60, 60, 0])
  expect(dms.state).toBe('stopped')
  vi.advanceTimersByTime(100_000)
  expect(sent).toHaveLength(5)
  expect(vi.getTimerCount()).toBe(0)
})

test('behavior: disarms before a scheduled maintenance and re-arms on resume', async () => {
  const sent: number[] = []
  const dms = createDeadMansSwitch({
    timeout: 60,
    every: 20,
    maintenanceLead: 30,
    send: async (t) => void sent.push(t),
  })
  dms.start()
  dms.scheduleMaintenance(Date.now() + 100_000)
  vi.advanceTimersByTime(69_999)
  expect(sent).toEqual([60, 60, 60, 60])
  vi.advanceTimersByTime(1)
  expect(sent).toEqual([60, 60, 60, 60, 0])
  expect(dms.state).toBe('paused')
  vi.advanceTimersByTime(60_000)
  expect(sent).toHaveLength(5)
  dms.resume()
  expect(sent).toEqual([60, 60, 60, 60, 0, 60])
  await dms.stop()
})

test('behavior: pause disarms once; stop after pause sends nothing more', async () => {
  const send = vi.fn(async (_t: number) => {})
  const dms = createDeadMansSwitch({ send })
  dms.start()
  await dms.pause()
  await dms.pause()
  expect(send.mock.calls.map((c) => c[0])).toEqual([60, 0])
  await dms.stop()
  expect(send).toHaveBeenCalledTimes(2)
})

test('error: failures are reported and the schedule goes on', async () => {
  const errors: [unknown, number][] = []
  let fail = true
  const dms = createDeadMansSwitch({
    send: async () => {
      if (fail) throw new Error('not sent')
    },
    onError: (error, t) => errors.push([error, t]),
  })
  dms.start()
  await vi.advanceTimersByTimeAsync(0)
  expect(errors).toHaveLength(1)
  expect(errors[0]?.[1]).toBe(60)
  fail = false
  await vi.advanceTimersByTimeAsync(20_000)
  expect(errors).toHaveLength(1)
  await dms.stop()
})

test('error: refuses out-of-range settings', () => {
  const send = async () => {}
  expect(() => createDeadMansSwitch({ send, timeout: 0 })).toThrow(RangeError)
  expect(() => createDeadMansSwitch({ send, timeout: 86_400 })).toThrow(
    RangeError,
  )
  expect(() => createDeadMansSwitch({ send, timeout: 1.5 })).toThrow(RangeError)
  expect(() => createDeadMansSwitch({ send, timeout: 60, every: 60 })).toThrow(
    'every must be above 0 and below timeout (60 s), got 60.',
  )
})
