/** The event stream's fan-out through real HTTP: many readers, and a reader that stops reading. */
import { request } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { catalogue } from '../catalogue/catalogue.js'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'
import { createDeskApp } from './app.js'

let t: TestDesk

beforeAll(async () => {
  t = await startTestDesk({ replayCapacity: 100, balances: false })
})

afterAll(async () => {
  await t?.close()
})

/** An open GET /events?kinds=alert: the text so far, and whether it ended. */
interface Reader {
  text: string
  ended: boolean
  ids(): number[]
  pause(): void
  resume(): void
  close(): void
}

function openReader(): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.running.url}/events?kinds=alert`,
      { headers: { Authorization: `Bearer ${t.tokens.read}` } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`status ${res.statusCode}`))
          return
        }
        res.setEncoding('utf8')
        const reader: Reader = {
          text: '',
          ended: false,
          ids: () =>
            [...reader.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
          pause: () => res.pause(),
          resume: () => res.resume(),
          close: () => req.destroy(),
        }
        res.on('data', (chunk: string) => {
          reader.text += chunk
        })
        res.on('end', () => {
          reader.ended = true
        })
        res.on('error', () => undefined)
        resolve(reader)
      },
    )
    req.on('error', () => undefined)
    req.end()
  })
}

async function until(check: () => boolean, ms = 30_000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

test('behavior: twenty readers each get every event, in order, once', async () => {
  const readers = await Promise.all(Array.from({ length: 20 }, openReader))
  // Each reader has its hello (the stream is joined) before events flow.
  await until(() => readers.every((r) => r.text.includes('event: hello')))
  // The simulator's tickers and trades interleave (other kinds): keep the ids pushed here.
  const expected: number[] = []
  for (let i = 0; i < 300; i += 1) {
    expected.push(t.running.desk.events.push('alert', { i }).id)
    if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve))
  }
  await until(() => readers.every((r) => r.ids().length >= 300))
  for (const reader of readers) {
    expect(reader.ids()).toEqual(expected)
    reader.close()
  }
})

test('error: a reader that stops reading is told too_far_behind; the others keep up', async () => {
  const fast = await openReader()
  const stalled = await openReader()
  await until(() => [fast, stalled].every((r) => r.text.includes('hello')))
  stalled.pause()
  // 600 events of 32 KB: far more than the socket buffers and the
  // 100-event log hold, so the stalled stream must be cut off.
  const payload = 'x'.repeat(32 * 1024)
  const expected: number[] = []
  for (let sent = 0; sent < 600; sent += 20) {
    for (let i = 0; i < 20; i += 1)
      expected.push(t.running.desk.events.push('alert', { payload }).id)
    // In step with the reading client, so it never falls behind the log.
    await until(() => fast.ids().length >= sent + 20)
  }
  expect(fast.ids()).toEqual(expected)
  stalled.resume()
  await until(() => stalled.ended)
  expect(stalled.text).toMatch(
    /event: too_far_behind\ndata: .*reconnect with Last-Event-ID/,
  )
  expect(stalled.ids().length).toBeLessThan(600)
  fast.close()
}, 120_000)

test('behavior: without Node’s response (another server), the stream is a web ReadableStream', async () => {
  const app = createDeskApp({
    desk: t.running.desk,
    catalogue,
    tokens: t.tokens,
    allowedHosts: () => ['desk.test:1'],
    version: 'test',
  })
  const response = await app.request('/events?kinds=alert', {
    headers: { Host: 'desk.test:1', Authorization: `Bearer ${t.tokens.read}` },
  })
  expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
  const reader = response.body?.getReader()
  if (reader === undefined) throw new Error('no body')
  const ids = [1, 2, 3].map(
    (i) => t.running.desk.events.push('alert', { i }).id,
  )
  let text = ''
  while ((text.match(/^id: /gm) ?? []).length < 3) {
    const { value, done } = await reader.read()
    if (done) break
    text += new TextDecoder().decode(value)
  }
  await reader.cancel()
  expect(text).toMatch(/^event: hello\n/)
  expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(
    ids,
  )
})
