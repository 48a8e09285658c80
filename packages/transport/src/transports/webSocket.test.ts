import { afterEach, expect, test, vi } from 'vitest'
import { WebSocket as WsWebSocket } from 'ws'
import { WebSocketUnavailableError } from '../errors.js'
import {
  nextEvent,
  STATUS_FRAME,
  startScriptedServer,
} from '../testing/scriptedServer.js'
import { webSocket } from './webSocket.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  vi.unstubAllGlobals()
})

test('default', async () => {
  const kraken = await startScriptedServer()
  cleanups.push(() => kraken.close())
  const transport = webSocket({ WebSocket: WsWebSocket })({ url: kraken.url })
  cleanups.push(() => transport.close())
  const first = nextEvent(transport, 'message')
  await transport.connect()
  expect(transport.name).toBe('webSocket')
  expect(await first).toBe(STATUS_FRAME)
  const socket = await kraken.nextSocket()
  const reopened = nextEvent(transport, 'open')
  socket.close(1001)
  expect(await reopened).toMatchObject({ isReconnect: true })
})

test('behavior: binary frames are decoded as text', async () => {
  const kraken = await startScriptedServer({ greet: false })
  cleanups.push(() => kraken.close())
  const transport = webSocket({ WebSocket: WsWebSocket })({ url: kraken.url })
  cleanups.push(() => transport.close())
  await transport.connect()
  const next = nextEvent(transport, 'message')
  ;(await kraken.nextSocket()).send(Buffer.from('{"channel":"heartbeat"}'), {
    binary: true,
  })
  expect(await next).toBe('{"channel":"heartbeat"}')
})

test('error: no global WebSocket and none injected', () => {
  vi.stubGlobal('WebSocket', undefined)
  expect(() => webSocket()()).toThrow(WebSocketUnavailableError)
  expect(() => webSocket()()).toThrow(/nodeWebSocket/)
})
