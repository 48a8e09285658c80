/** Server-Timing: the desk's own time on each answer, through real HTTP. */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'

let t: TestDesk

beforeAll(async () => {
  t = await startTestDesk({ balances: false })
})

afterAll(async () => {
  await t?.close()
})

const total = (response: Response) =>
  /total;dur=([0-9.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1]

test('behavior: answers carry the desk’s own time in Server-Timing', async () => {
  const status = await t.call('/status')
  expect(status.status).toBe(200)
  expect(Number(total(status))).toBeGreaterThanOrEqual(0)
  await status.body?.cancel()
  // Refusals too (the auth middleware answers before any route).
  const refused = await t.call('/status', { token: 'wrong' })
  expect(refused.status).toBe(401)
  expect(total(refused)).toBeDefined()
  await refused.body?.cancel()
})

test('behavior: the event stream writes its own headers, without Server-Timing', async () => {
  const events = await t.call('/events')
  expect(events.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
  expect(events.headers.get('Server-Timing')).toBeNull()
  await events.body?.cancel()
})
