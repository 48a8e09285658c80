import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { parseRecording } from './format.js'
import { createFileSink, createRecorder } from './recorder.js'
import { recordChannel, recordWebSocket } from './recordSocket.js'
import { replayRecording } from './replay.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A loopback server that answers each frame with `ack:` + the frame, and sends binary once. */
async function echoServer(): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  )
  server.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      socket.send(isBinary ? data : `ack:${data.toString('utf8')}`, {
        binary: isBinary,
      })
    })
  })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string')
    throw new Error('unexpected address')
  return `ws://127.0.0.1:${address.port}`
}

test('default', async () => {
  const url = await echoServer()
  const dir = mkdtempSync(join(tmpdir(), 'recording-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'session.jsonl')
  const sink = createFileSink(path)
  const recorder = createRecorder({ write: sink.write, conn: 'public' })
  const socket = new WebSocket(url)
  cleanups.push(() => socket.terminate())
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const stop = recordWebSocket(socket, recorder)
  const frames = [
    '{"channel":"book","data":[{"price":0.10000000,"qty":1e-08}]}',
    '{"connection_id":18125794168470749634,"text":"ünïcödé 😀"}',
  ]
  const received: string[] = []
  const all = new Promise<void>((resolve) => {
    socket.on('message', (data, isBinary) => {
      received.push(isBinary ? 'binary' : data.toString('utf8'))
      if (received.length === 3) resolve()
    })
  })
  for (const frame of frames) socket.send(frame)
  socket.send(Buffer.from([0, 255, 1]))
  await all
  stop()
  socket.send('not recorded')
  await sink.close()

  const records = parseRecording(readFileSync(path, 'utf8'))
  expect(records.map((r) => [r.dir, r.conn])).toEqual([
    ['out', 'public'],
    ['out', 'public'],
    ['out', 'public'],
    ['in', 'public'],
    ['in', 'public'],
    ['in', 'public'],
  ])
  const replayed: string[] = []
  await replayRecording(records, {
    pace: 'fast',
    onFrame: (r) => replayed.push(r.frame),
  }).done
  // Byte-exact: the replayed frames are exactly what went over the wire.
  expect(replayed.slice(0, 2)).toEqual(frames)
  expect(replayed.slice(3, 5)).toEqual(frames.map((f) => `ack:${f}`))
  expect(records[2]).toMatchObject({
    encoding: 'base64',
    frame: Buffer.from([0, 255, 1]).toString('base64'),
  })
  expect(records[5]).toMatchObject({ encoding: 'base64' })
})

test('behavior: a generic channel is recorded both ways', () => {
  const lines: string[] = []
  let deliver: (text: string) => void = () => {}
  const sent: string[] = []
  let time = 10
  const recorder = createRecorder({
    write: (l) => lines.push(l),
    now: () => time++,
  })
  const channel = recordChannel(
    {
      send: (text) => sent.push(text),
      onMessage: (listener) => {
        deliver = listener
      },
    },
    recorder,
    { conn: '7' },
  )
  channel.send('{"method":"ping","req_id":1}')
  deliver('{"method":"pong","req_id":1}')
  expect(sent).toEqual(['{"method":"ping","req_id":1}'])
  expect(parseRecording(lines.join(''))).toEqual([
    { t: 10, dir: 'out', frame: '{"method":"ping","req_id":1}', conn: '7' },
    { t: 11, dir: 'in', frame: '{"method":"pong","req_id":1}', conn: '7' },
  ])
})
