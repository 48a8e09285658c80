import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { loadReplayFrames, type ReplayTarget, streamReplay } from './replay.js'

const open = closeAfterEach()

/** A socket whose buffer fills with every write and drains when told. */
function fakeTarget() {
  const pending: { size: number; callback: () => void }[] = []
  const written: string[] = []
  const socket = { bufferedAmount: 0 }
  const target: ReplayTarget & {
    closed?: [number | undefined, string | undefined]
  } = {
    isOpen: true,
    socket,
    write(frame, callback) {
      written.push(frame)
      socket.bufferedAmount += frame.length
      pending.push({ size: frame.length, callback })
    },
    close(code, reason) {
      target.closed = [code, reason]
    },
  }
  const drain = (count: number) => {
    for (const item of pending.splice(0, count)) {
      socket.bufferedAmount -= item.size
      item.callback()
    }
  }
  return { target, written, drain }
}

test('default', () => {
  const { target, written, drain } = fakeTarget()
  const frames = Array.from(
    { length: 100 },
    (_, i) => `frame-${String(i).padStart(3, '0')}`,
  )
  streamReplay(target, frames, { frames, highWaterMark: 45, onEnd: 'close' })
  // Sending stops once 45 bytes are buffered (5 frames of 9 bytes).
  expect(written).toHaveLength(5)
  drain(1)
  expect(written).toHaveLength(6)
  for (let i = 0; i < 200 && written.length < 100; i++) drain(1)
  drain(10)
  expect(written).toEqual(frames)
  expect(target.closed).toEqual([1000, 'replay finished'])
})

test('behavior: repeat sends the frames again', () => {
  const { target, written, drain } = fakeTarget()
  streamReplay(target, ['a', 'b'], { frames: ['a', 'b'], repeat: 3 })
  drain(10)
  expect(written).toEqual(['a', 'b', 'a', 'b', 'a', 'b'])
})

test('behavior: frames from a jsonl file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'))
  try {
    const file = join(dir, 'frames.jsonl')
    writeFileSync(file, '{"channel":"heartbeat"}\n\n{"a":1}\n')
    expect(loadReplayFrames({ file })).toEqual([
      '{"channel":"heartbeat"}',
      '{"a":1}',
    ])
  } finally {
    rmSync(dir, { recursive: true })
  }
})

test('error: replay without frames or file', () => {
  expect(() => loadReplayFrames({})).toThrow(TypeError)
})

test('behavior: over a real socket, after the first subscribe, acks without snapshots', async () => {
  const frames = Array.from(
    { length: 3_000 },
    (_, i) => `{"channel":"heartbeat","n":${i}}`,
  )
  const simulator = await startSimulator({
    replay: { frames, onEnd: 'close', highWaterMark: 4_096 },
  })
  open.simulators.push(simulator)
  const client = await connect(simulator.publicUrl)
  open.clients.push(client)
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  expect((await client.closed).code).toBe(1000)
  const replayed = client.frames.filter((f) => f.includes('"n":'))
  expect(replayed).toEqual(frames)
  expect(client.frames.some((f) => f.startsWith('{"channel":"book"'))).toBe(
    false,
  )
  expect(client.frames.some((f) => f.includes('"method":"subscribe"'))).toBe(
    true,
  )
})
