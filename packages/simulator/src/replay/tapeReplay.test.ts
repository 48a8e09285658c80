/**
 * The `replay` option reads tapes too: a `@kraken-sockets/tape` folder is
 * served like a recording (one taped connection's received data frames,
 * exact text), and a missing connection fails the start clearly.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTapeWriter } from '@kraken-sockets/tape'
import { afterAll, expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'

const open = closeAfterEach()
const temp = mkdtempSync(join(tmpdir(), 'sim-tape-replay-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const TRADE = (id: number) =>
  `{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":65000.10,"qty":0.50000000,"ord_type":"limit","trade_id":${id},"timestamp":"2026-01-01T00:00:00.000000Z"}]}`

/** A tape with a public and a private connection. */
async function writeTape(): Promise<string> {
  const dir = join(temp, 'session.tape')
  const writer = createTapeWriter({ dir, flushInterval: false })
  const pub = writer.nextConnection()
  writer.write({ kind: 'open', conn: pub, endpoint: 'public', url: 'wss://x' })
  writer.write({
    kind: 'in',
    conn: pub,
    text: '{"channel":"status","type":"update","data":[{"connection_id":18125794168470749634}]}',
  })
  const priv = writer.nextConnection()
  writer.write({
    kind: 'open',
    conn: priv,
    endpoint: 'private',
    url: 'wss://y',
  })
  for (let id = 1; id <= 3; id++)
    writer.write({ kind: 'in', conn: pub, text: TRADE(id) })
  writer.write({
    kind: 'in',
    conn: priv,
    text: '{"channel":"executions","type":"update","data":[]}',
  })
  await writer.close()
  return dir
}

test('a tape folder replays its public frames, digits exact', async () => {
  const tape = await writeTape()
  const simulator = await startSimulator({
    replay: { file: tape, connection: 'public', onEnd: 'close' },
  })
  open.simulators.push(simulator)
  const client = await connect(simulator.publicUrl)
  open.clients.push(client)
  client.send({
    method: 'subscribe',
    params: { channel: 'trade', symbol: ['BTC/USD'] },
  })
  expect((await client.closed).code).toBe(1000)
  // Data frames only (the status came from the simulator itself), as taped.
  expect(client.frames.filter((f) => f.includes('"trade_id"'))).toEqual([
    TRADE(1),
    TRADE(2),
    TRADE(3),
  ])
  expect(client.frames.some((f) => f.includes('executions'))).toBe(false)
})

test('a connection the tape does not hold fails the start', async () => {
  const tape = await writeTape()
  await expect(
    startSimulator({ replay: { file: tape, connection: 'level3' } }),
  ).rejects.toThrow(/has no connection "level3"/)
})
