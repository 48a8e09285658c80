import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { RecordedFrame } from './format.js'
import { replayRecording } from './replay.js'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

const records: RecordedFrame[] = [
  { t: 1_000, dir: 'in', frame: 'a' },
  { t: 1_500, dir: 'in', frame: 'b' },
  { t: 1_500, dir: 'out', frame: 'c' },
  { t: 4_500, dir: 'in', frame: 'd' },
]

test('default', async () => {
  const seen: [number, string][] = []
  const replay = replayRecording(records, {
    onFrame: (r) => seen.push([Date.now(), r.frame]),
  })
  await vi.advanceTimersByTimeAsync(0)
  expect(seen).toEqual([[0, 'a']])
  await vi.advanceTimersByTimeAsync(499)
  expect(seen).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1)
  expect(seen).toEqual([
    [0, 'a'],
    [500, 'b'],
    [500, 'c'],
  ])
  await vi.advanceTimersByTimeAsync(3_000)
  expect(seen.at(-1)).toEqual([3_500, 'd'])
  await replay.done
})

test('behavior: fast pace delivers everything without timers', async () => {
  const seen: string[] = []
  await replayRecording(records, {
    pace: 'fast',
    onFrame: (r) => seen.push(r.frame),
  }).done
  expect(seen).toEqual(['a', 'b', 'c', 'd'])
})

test('behavior: speed divides the gaps; stop ends early', async () => {
  const seen: string[] = []
  const replay = replayRecording(records, {
    speed: 2,
    onFrame: (r) => seen.push(r.frame),
  })
  await vi.advanceTimersByTimeAsync(250)
  expect(seen).toEqual(['a', 'b', 'c'])
  replay.stop()
  await vi.advanceTimersByTimeAsync(10_000)
  expect(seen).toEqual(['a', 'b', 'c'])
  await replay.done
})

test('error: a throwing onFrame rejects done', async () => {
  const replay = replayRecording(records, {
    pace: 'fast',
    onFrame: () => {
      throw new Error('boom')
    },
  })
  await expect(replay.done).rejects.toThrow('boom')
  expect(() =>
    replayRecording(records, { onFrame: () => {}, speed: 0 }),
  ).toThrow(RangeError)
})
