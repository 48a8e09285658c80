import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'

// A mount that answers with the caller's scope, and records its close.
const seen: string[] = []
let closed = 0
let desk: TestDesk

beforeAll(async () => {
  desk = await startTestDesk({
    mounts: [
      {
        path: '/echo',
        handle: (request, { scope, desk: inner }) => {
          seen.push(request.method)
          return new Response(`${scope} ${inner.mode}`)
        },
        async close() {
          closed += 1
        },
      },
    ],
  })
})

afterAll(async () => {
  await desk?.close()
  expect(closed).toBe(1)
})

test('default: a mount answers behind the token, with its scope', async () => {
  const trade = await desk.call('/echo', { method: 'POST', body: '{}' })
  expect(await trade.text()).toBe('trade paper')
  const read = await desk.call('/echo', { token: desk.tokens.read })
  expect(await read.text()).toBe('read paper')
  expect(seen).toEqual(['POST', 'GET'])
})

test('error: no token or a foreign Origin never reaches the mount', async () => {
  const before = seen.length
  expect((await desk.call('/echo', { token: null })).status).toBe(401)
  const foreign = await desk.call('/echo', {
    headers: { Origin: 'http://evil.example' },
  })
  expect(foreign.status).toBe(403)
  expect(seen.length).toBe(before)
})
