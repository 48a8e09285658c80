import { expect, test } from 'vitest'
import type { AuthHook } from './authHook.js'
import type { ChannelDefinition } from './channels/types.js'
import type { MethodDefinition } from './methods/types.js'
import { startSimulator } from './startSimulator.js'
import { connect } from './testing/client.js'
import { closeAfterEach } from './testing/lifecycle.js'

const open = closeAfterEach()

const tokens: AuthHook = ({ token }) =>
  token === 'good'
    ? { ok: true, account: 'alice' }
    : { ok: false, error: 'ESession:Invalid session' }

const executions: ChannelDefinition = {
  name: 'executions',
  kind: 'private',
  requiresToken: true,
  subscribe: (_params, { account }) => ({
    ok: true,
    items: [
      {
        ok: true,
        key: 'executions',
        topic: `executions:${account}`,
        result: {
          channel: 'executions',
          snap_orders: true,
          snap_trades: false,
        },
        unsubscribeResult: { channel: 'executions' },
        snapshot: () => [
          `{"channel":"executions","type":"snapshot","data":[],"sequence":1}`,
        ],
      },
    ],
  }),
  unsubscribe: () => ({ ok: true, items: [{ key: 'executions' }] }),
}

const addOrder: MethodDefinition = {
  serves: ['private'],
  requiresToken: true,
  handle: ({ reply, account, frame }) =>
    reply({ order_id: `O-${account}-${String(frame.params?.symbol)}` }),
}

async function setup() {
  const simulator = await startSimulator({
    rate: 0,
    auth: tokens,
    channels: [executions],
    methods: { add_order: addOrder },
  })
  open.simulators.push(simulator)
  const priv = await connect(simulator.privateUrl)
  open.clients.push(priv)
  return { simulator, priv }
}

test('default', async () => {
  const { simulator, priv } = await setup()
  priv.send({
    method: 'subscribe',
    params: { channel: 'executions', token: 'good' },
    req_id: 1,
  })
  const ack = JSON.parse(await priv.next((_, p) => p?.req_id === 1))
  expect(ack).toMatchObject({
    method: 'subscribe',
    success: true,
    result: { channel: 'executions' },
  })
  expect(
    await priv.next((f) => f.includes('"executions","type":"snapshot"')),
  ).toContain('"sequence":1')
  expect(
    simulator.publish(
      'executions:alice',
      '{"channel":"executions","type":"update","data":[],"sequence":2}',
    ),
  ).toBe(1)
  expect(await priv.next((f) => f.includes('"sequence":2'))).toContain('update')
  // The request log never keeps the token.
  expect(
    simulator.stats.requests({ channel: 'executions' })[0]?.params,
  ).toEqual({ channel: 'executions', token: '[redacted]' })
})

test('error: bad or missing token', async () => {
  const { priv } = await setup()
  priv.send({
    method: 'subscribe',
    params: { channel: 'executions', token: 'bad' },
    req_id: 2,
  })
  const failure = JSON.parse(await priv.next((_, p) => p?.req_id === 2))
  const { time_in, time_out, ...rest } = failure
  expect(rest).toEqual({
    channel: 'executions',
    error: 'ESession:Invalid session',
    method: 'subscribe',
    req_id: 2,
    status: 'error',
    success: false,
  })
  priv.send({ method: 'add_order', params: { symbol: 'BTC/USD' }, req_id: 3 })
  expect(JSON.parse(await priv.next((_, p) => p?.req_id === 3)).error).toBe(
    'ESession:Invalid session',
  )
})

test('behavior: a registered trading method gets the account; the public host refuses it', async () => {
  const { simulator, priv } = await setup()
  priv.send({
    method: 'add_order',
    params: { symbol: 'BTC/USD', token: 'good' },
    req_id: 4,
  })
  expect(JSON.parse(await priv.next((_, p) => p?.req_id === 4)).result).toEqual(
    { order_id: 'O-alice-BTC/USD' },
  )
  const pub = await connect(simulator.publicUrl)
  open.clients.push(pub)
  pub.send({ method: 'add_order', params: { token: 'good' }, req_id: 5 })
  expect(JSON.parse(await pub.next((_, p) => p?.req_id === 5)).error).toBe(
    'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
  )
})

test('behavior: connection handlers answer first and hear about the close', async () => {
  let closed = 0
  const simulator = await startSimulator({
    rate: 0,
    connectionHandlers: [
      (session) =>
        session.endpoint !== 'private'
          ? undefined
          : {
              handle: (frame) => {
                if (frame.method !== 'cancel_all') return false
                session.sendJson(
                  {
                    method: 'cancel_all',
                    req_id: frame.req_id ?? 0,
                    result: { count: 0 },
                    success: true,
                  },
                  true,
                )
                return true
              },
              close: () => {
                closed++
              },
            },
    ],
  })
  open.simulators.push(simulator)
  const priv = await connect(simulator.privateUrl)
  open.clients.push(priv)
  priv.send({ method: 'cancel_all', params: { token: 'x' }, req_id: 9 })
  expect(JSON.parse(await priv.next((_, p) => p?.req_id === 9)).result).toEqual(
    { count: 0 },
  )
  priv.send({ method: 'ping', req_id: 10 })
  expect(await priv.next((_, p) => p?.req_id === 10)).toContain('"pong"')
  const pub = await connect(simulator.publicUrl)
  open.clients.push(pub)
  pub.send({ method: 'cancel_all', params: { token: 'x' }, req_id: 11 })
  expect(JSON.parse(await pub.next((_, p) => p?.req_id === 11)).error).toMatch(
    /^Private data and trading/,
  )
  await priv.close()
  await simulator.close()
  expect(closed).toBe(1)
})
