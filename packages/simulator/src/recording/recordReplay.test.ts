import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { RecordingError } from '../errors.js'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'
import { connect, type TestClient } from '../testing/client.js'
import { connectPrivate } from '../testing/private.js'
import { parseRecording } from './format.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function start(options: Parameters<typeof startSimulator>[0]) {
  const simulator = await startSimulator(options)
  cleanups.push(() => simulator.close())
  return simulator
}

async function client(url: string) {
  const c = await connect(url)
  cleanups.push(() => c.close())
  return c
}

const subscribeBook = {
  method: 'subscribe',
  params: { channel: 'book', symbol: ['BTC/USD'] },
  req_id: 1,
}

/** The channel data a client received: no status, heartbeat or method response. */
const dataFrames = (c: TestClient) =>
  c.frames.filter(
    (f) =>
      f.startsWith('{"channel"') &&
      !f.startsWith('{"channel":"status"') &&
      !f.startsWith('{"channel":"heartbeat"'),
  )

test('default', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'simulator-record-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'session.jsonl')
  let simulator: Simulator | undefined = await startSimulator({
    rate: 0,
    seed: 5,
    record: file,
  })
  const recorded = simulator
  cleanups.push(() => recorded.close())
  const pub = await client(simulator.publicUrl)
  pub.send(subscribeBook)
  await pub.sync()
  simulator.step(300)
  await pub.sync()
  const priv = await connectPrivate(simulator)
  cleanups.push(() => priv.close())
  await priv.request('subscribe', { channel: 'balances' }, 2)
  await simulator.close()
  simulator = undefined

  const records = parseRecording(readFileSync(file, 'utf8'))
  const conns = [...new Set(records.map((r) => r.conn))]
  expect(conns).toHaveLength(2)
  expect(conns[0]).toMatch(/^public:\d+$/)
  expect(conns[1]).toMatch(/^private:\d+$/)
  const publicRecords = records.filter((r) => r.conn === conns[0])
  // Both directions, in order, with what the client really received.
  expect(publicRecords.filter((r) => r.dir === 'in')[0]?.frame).toBe(
    JSON.stringify(subscribeBook),
  )
  expect(
    publicRecords.filter((r) => r.dir === 'out').map((r) => r.frame),
  ).toEqual(pub.frames)
  expect(
    records.every((r, i) => i === 0 || r.t >= (records[i - 1]?.t ?? 0)),
  ).toBe(true)
  // The WS token is never written down.
  const text = readFileSync(file, 'utf8')
  expect(text).not.toContain(priv.token)
  expect(text).toContain('"token\\":\\"[redacted]\\"')
  expect(dataFrames(pub).length).toBeGreaterThan(10)

  // Served back: a client subscribing the same way gets the same frames.
  const replay = await start({
    rate: 0,
    replay: { file, connection: 'public' },
  })
  const again = await client(replay.publicUrl)
  again.send(subscribeBook)
  await again.next((_, p) => p?.channel === 'book' && p.type === 'update')
  while (dataFrames(again).length < dataFrames(pub).length) await again.sync()
  expect(dataFrames(again)).toEqual(dataFrames(pub))
})

test('behavior: a sink receives every line, and records replay in memory', async () => {
  const lines: string[] = []
  let closed = 0
  const simulator = await start({
    rate: 0,
    record: { write: (line) => lines.push(line), close: () => void closed++ },
  })
  const pub = await client(simulator.publicUrl)
  pub.send({
    method: 'subscribe',
    params: { channel: 'trade', symbol: ['ETH/USD'] },
  })
  await pub.sync()
  simulator.step(100)
  await pub.sync()
  await simulator.close()
  expect(closed).toBe(1)
  const records = parseRecording(lines.join(''))
  expect(records.filter((r) => r.dir === 'out')).toHaveLength(pub.frames.length)

  const replay = await start({
    rate: 0,
    replay: { records, include: 'all', start: 'connect' },
  })
  const again = await client(replay.publicUrl)
  await again.sync()
  // `all` serves the recorded status and acks too, after the live status message.
  expect(again.frames.slice(1, 1 + pub.frames.length)).toEqual(pub.frames)
})

test('error: a failing sink stops the recording, not the server', async () => {
  let writes = 0
  const simulator = await startSimulator({
    rate: 0,
    record: {
      write: () => {
        writes++
        throw new Error('disk full')
      },
    },
  })
  const pub = await connect(simulator.publicUrl)
  cleanups.push(() => pub.close())
  await pub.sync()
  await pub.sync()
  expect(writes).toBe(1)
  const closed = simulator.close()
  await expect(closed).rejects.toThrow(RecordingError)
  await expect(closed).rejects.toMatchObject({
    cause: new Error('disk full'),
  })
  expect(simulator.activeTimers).toBe(0)
})

test('error: a recording without the asked connection', async () => {
  await expect(
    startSimulator({
      replay: {
        records: [{ t: 1, dir: 'out', conn: 'public:1', frame: '{}' }],
        connection: 'private',
      },
    }),
  ).rejects.toThrow(/no connection "private"/)
  await expect(
    startSimulator({ replay: { frames: ['{}'], pace: 'original' } }),
  ).rejects.toThrow(/needs a recording/)
})
