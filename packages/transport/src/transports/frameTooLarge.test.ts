import { afterEach, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import { ConnectionError } from '../errors.js'
import {
  nextEvent,
  type ScriptedServer,
  startScriptedServer,
} from '../testing/scriptedServer.js'
import type { Transport, WebSocketConstructor } from '../types.js'
import { nodeWebSocket } from './nodeWebSocket.js'

/*
 * A frame over the socket's size limit: `ws` reports "Max payload size
 * exceeded" as an error event and then closes with 1006, which alone reads
 * as a network failure. The transport's error must name the size limit.
 */

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(): Promise<ScriptedServer> {
  const started = await startScriptedServer()
  cleanups.push(() => started.close())
  return started
}

function track<T extends Transport>(transport: T): T {
  cleanups.push(() => transport.close())
  return transport
}

/** `ws` with a 1 KiB limit on received frames. */
const SmallFrames = class extends WebSocket {
  constructor(url: string) {
    super(url, { maxPayload: 1024 })
  }
} as unknown as WebSocketConstructor

test('error: a received frame over the size limit says so', async () => {
  const kraken = await server()
  const transport = track(
    nodeWebSocket({ WebSocket: SmallFrames, reconnect: false })({
      url: kraken.url,
    }),
  )
  await transport.connect()
  const socket = await kraken.nextSocket()
  const failed = nextEvent(transport, 'error')
  socket.send(`{"channel":"heartbeat","pad":"${'x'.repeat(4096)}"}`)
  const error = await failed
  expect(error).toBeInstanceOf(ConnectionError)
  expect((error as ConnectionError).details).toMatch(
    /larger than the socket's size limit \(Max payload size exceeded\); closed with code 1006/,
  )
})
