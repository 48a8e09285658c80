import { afterEach, expect, test } from 'vitest'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'

const open: Simulator[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

test('default', async () => {
  const simulator = await startSimulator({
    rate: 0,
    rest: [
      {
        method: 'POST',
        path: '/0/private/Echo',
        handler: (request) => ({
          body: {
            error: [],
            result: {
              body: request.body,
              key: request.headers['api-key'] ?? '',
            },
          },
        }),
      },
    ],
  })
  open.push(simulator)
  const response = await fetch(`${simulator.restUrl}/0/private/Echo`, {
    method: 'POST',
    headers: { 'API-Key': 'k' },
    body: 'nonce=1',
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json')
  expect(await response.json()).toEqual({
    error: [],
    result: { body: 'nonce=1', key: 'k' },
  })
})

test('behavior: routes added while running', async () => {
  const simulator = await startSimulator({ rate: 0 })
  open.push(simulator)
  simulator.route({
    method: 'GET',
    path: '/0/public/Time',
    handler: async () => ({ status: 201, body: { error: [] } }),
  })
  const response = await fetch(`${simulator.restUrl}/0/public/Time?x=1`)
  expect(response.status).toBe(201)
})

test('error: unknown route and failing handler', async () => {
  const simulator = await startSimulator({
    rate: 0,
    rest: [
      {
        method: 'GET',
        path: '/boom',
        handler: () => {
          throw new Error('boom')
        },
      },
    ],
  })
  open.push(simulator)
  const unknown = await fetch(`${simulator.restUrl}/0/private/Nope`, {
    method: 'POST',
  })
  expect(unknown.status).toBe(404)
  expect(await unknown.json()).toEqual({ error: ['EGeneral:Unknown method'] })
  const failing = await fetch(`${simulator.restUrl}/boom`)
  expect(failing.status).toBe(500)
  expect(await failing.json()).toEqual({ error: ['EGeneral:Internal error'] })
})
