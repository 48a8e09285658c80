import { fake } from '@kraken-sockets/transport'
import { afterEach, describe, expect, test } from 'vitest'
import type { TapeEvent } from '../format/events.js'
import { REDACTED } from '../format/redact.js'
import { readTape } from '../read/tapeReader.js'
import { tempDir } from '../testing/tempDir.js'
import { createTapeWriter } from '../write/tapeWriter.js'
import { recordingTransport } from './recordingTransport.js'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const remove of cleanup.splice(0)) remove()
})

describe('recordingTransport', () => {
  test('tapes frames both ways, tokens redacted, with a new connection per (re)open', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({ dir })
    const factory = recordingTransport(() => fake({ autoPong: false }), writer)
    const transport = factory('private')({ endpoint: 'private' })
    await transport.connect()
    transport.send(
      '{"method":"subscribe","params":{"channel":"executions","tok\\u0065n":"s3cret"},"req_id":1}',
    )
    await transport.close()
    await writer.close()
    const events: TapeEvent[] = []
    for await (const event of readTape(dir)) events.push(event)
    expect(events.map((e) => e.kind)).toEqual(['open', 'out', 'close'])
    expect(events[0]).toMatchObject({
      kind: 'open',
      conn: 1,
      endpoint: 'private',
    })
    expect(events[1]).toMatchObject({ kind: 'out', redacted: true })
    expect(JSON.stringify(events)).not.toContain('s3cret')
    expect(
      events[1]?.kind === 'out' && JSON.parse(events[1].text).params.token,
    ).toBe(REDACTED)
    expect(events[2]).toMatchObject({
      kind: 'close',
      conn: 1,
      reason: 'client',
    })
  })

  test('a server drop closes the connection on tape and the reopen starts the next one', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({ dir })
    let inner: ReturnType<ReturnType<typeof fake>> | undefined
    const factory = recordingTransport(
      () => (context) => {
        inner = fake()(context)
        return inner
      },
      writer,
    )
    const transport = factory('public')({ endpoint: 'public' })
    await transport.connect()
    inner?.receive(
      '{"channel":"status","data":[{"connection_id":18125794168470749634}],"type":"update"}',
    )
    inner?.drop({ code: 1006 })
    inner?.receive('{"channel":"heartbeat"}')
    await transport.close()
    await writer.close()
    const events: TapeEvent[] = []
    for await (const event of readTape(dir)) events.push(event)
    expect(events.map((e) => `${e.kind}:${e.conn}`)).toEqual([
      'open:1',
      'in:1',
      'close:1',
      'open:2',
      'in:2',
      'close:2',
    ])
    // The u64 connection_id survives as text.
    expect(events[1]?.kind === 'in' && events[1].text).toContain(
      '18125794168470749634',
    )
    expect(events[2]).toMatchObject({ reason: 'server 1006' })
  })

  test('frames after the writer closed are not an error', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({ dir })
    let inner: ReturnType<ReturnType<typeof fake>> | undefined
    const transport = recordingTransport(
      () => (context) => {
        inner = fake()(context)
        return inner
      },
      writer,
    )('public')({})
    await transport.connect()
    await writer.close()
    expect(() => inner?.receive('{"channel":"heartbeat"}')).not.toThrow()
    await transport.close()
  })
})
