import { expect, test } from 'vitest'
import { FatalTransportError, TransportNotOpenError } from '../errors.js'
import { nextEvent, recordStatuses } from '../testing/scriptedServer.js'
import { fake } from './fake.js'

test('default', async () => {
  const transport = fake()({ endpoint: 'private' })
  const messages: string[] = []
  transport.on('message', (text) => messages.push(text))
  await transport.connect()

  transport.receive({ channel: 'heartbeat' })
  transport.receive('{"channel":"status"}')
  transport.send('{"method":"subscribe","req_id":1}')

  expect(transport.status).toBe('open')
  expect(transport.endpoint).toBe('private')
  expect(messages).toEqual(['{"channel":"heartbeat"}', '{"channel":"status"}'])
  expect(transport.sent).toEqual(['{"method":"subscribe","req_id":1}'])
})

test('behavior: pings are answered with a pong', async () => {
  const transport = fake()()
  await transport.connect()
  const pong = nextEvent(transport, 'message')
  const id = transport.requestIds.next()
  transport.send(`{"method":"ping","req_id":${id}}`)
  expect(JSON.parse(await pong)).toMatchObject({ method: 'pong', req_id: id })
  expect(transport.latency?.reqId).toBe(id)
})

test('behavior: drop reconnects and emits open again; nothing replayed', async () => {
  const transport = fake()()
  const statuses = recordStatuses(transport)
  const opens: boolean[] = []
  transport.on('open', (event) => opens.push(event.isReconnect))
  await transport.connect()
  transport.send('{"method":"subscribe"}')
  transport.setMinReconnectDelay(5_000)
  transport.drop({ code: 1012, reason: 'maintenance', reopen: false })
  expect(() => transport.send('{}')).toThrow(TransportNotOpenError)
  transport.reopen()
  expect(statuses).toEqual([
    'connecting',
    'open',
    'reconnecting:server',
    'open',
  ])
  expect(opens).toEqual([false, true])
  expect(transport.minReconnectDelay).toBe(5_000)
  expect(transport.sent).toEqual(['{"method":"subscribe"}'])
})

test('behavior: fail and close end it', async () => {
  const transport = fake()()
  await transport.connect()
  const error = nextEvent(transport, 'error')
  transport.fail('EAPI:Invalid key')
  expect(await error).toBeInstanceOf(FatalTransportError)
  expect(transport.status).toBe('closed')
  await transport.connect()
  await transport.close()
  expect(transport.status).toBe('closed')
})

test('error: sending or receiving before connect', () => {
  const transport = fake()()
  expect(() => transport.send('{}')).toThrow(TransportNotOpenError)
  expect(() => transport.receive('{}')).toThrow(TransportNotOpenError)
})
