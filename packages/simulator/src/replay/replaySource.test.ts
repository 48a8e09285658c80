import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { RecordedFrame } from '../recording/format.js'
import { createTimers } from '../server/timers.js'
import type { ReplayTarget } from './replay.js'
import { recordingSource, streamPacedReplay } from './replaySource.js'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

const records: RecordedFrame[] = [
  {
    t: 1_000,
    dir: 'out',
    conn: 'public:1',
    frame: '{"channel":"status","type":"update","data":[]}',
  },
  { t: 1_010, dir: 'in', conn: 'public:1', frame: '{"method":"subscribe"}' },
  {
    t: 1_020,
    dir: 'out',
    conn: 'public:1',
    frame: '{"method":"subscribe","success":true}',
  },
  {
    t: 1_100,
    dir: 'out',
    conn: 'public:1',
    frame: '{"channel":"book","type":"snapshot","data":[]}',
  },
  {
    t: 1_100,
    dir: 'out',
    conn: 'private:2',
    frame: '{"channel":"balances","type":"snapshot","data":[]}',
  },
  { t: 1_600, dir: 'out', conn: 'public:1', frame: '{"channel":"heartbeat"}' },
  {
    t: 2_100,
    dir: 'out',
    conn: 'public:1',
    frame: '{"channel":"book","type":"update","data":[]}',
  },
  {
    t: 2_150,
    dir: 'out',
    conn: 'public:1',
    frame: 'CloudFlare WebSocket proxy restarting',
  },
]

function target() {
  const written: [number, string][] = []
  const session: ReplayTarget & { closedWith?: number | undefined } = {
    isOpen: true,
    socket: { bufferedAmount: 0 },
    write(frame, callback) {
      written.push([Date.now(), frame])
      callback()
    },
    close(code) {
      session.closedWith = code
    },
  }
  return { session, written }
}

test('default', () => {
  const source = recordingSource(records)
  expect(source.frames).toEqual([
    '{"channel":"book","type":"snapshot","data":[]}',
    '{"channel":"book","type":"update","data":[]}',
    'CloudFlare WebSocket proxy restarting',
  ])
  expect(source.times).toEqual([1_100, 2_100, 2_150])
  expect(recordingSource(records, { connection: 'private' }).frames).toEqual([
    '{"channel":"balances","type":"snapshot","data":[]}',
  ])
  expect(recordingSource(records, { include: 'all' }).frames).toHaveLength(6)
})

test('behavior: the original pace keeps the recorded gaps, and close() stops it', async () => {
  const timers = createTimers()
  const { session, written } = target()
  streamPacedReplay(
    session,
    recordingSource(records),
    { pace: 'original', repeat: 2, onEnd: 'close' },
    timers,
  )
  expect(written).toEqual([
    [0, '{"channel":"book","type":"snapshot","data":[]}'],
  ])
  await vi.advanceTimersByTimeAsync(999)
  expect(written).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1)
  expect(written.map(([at]) => at)).toEqual([0, 1_000])
  await vi.advanceTimersByTimeAsync(50)
  // The second round starts at once after the first.
  expect(written.map(([at]) => at)).toEqual([0, 1_000, 1_050, 1_050])
  await vi.advanceTimersByTimeAsync(1_050)
  expect(written.map(([at]) => at)).toEqual([
    0, 1_000, 1_050, 1_050, 2_050, 2_100,
  ])
  expect(session.closedWith).toBe(1000)
  expect(timers.active).toBe(0)

  const stopped = target()
  const stop = streamPacedReplay(
    stopped.session,
    recordingSource(records),
    { pace: 'original' },
    timers,
  )
  expect(timers.active).toBe(1)
  stop()
  expect(timers.active).toBe(0)
})
