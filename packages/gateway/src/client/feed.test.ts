import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect, headers, type NatsConnection } from '@nats-io/transport-node'
import { afterEach, expect, test } from 'vitest'
import { ensureStream } from '../gateway/ensureStream.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { until } from '../testing/until.js'
import { EPOCH_HEADER, KIND_HEADER, SEQ_HEADER } from '../wire/headers.js'
import { type Feed, startBookFeed } from './feed.js'

const SUBJECT = 'kraken.spot.book.BTC_USD'
const KEPT = `${SUBJECT}.snapshot`

let nats: TestNatsServer | undefined
let nc: NatsConnection | undefined
let feed: Feed | undefined

afterEach(async () => {
  await feed?.stop()
  await nc?.close()
  await nats?.stop()
})

/**
 * What the three-node cluster test met when the stream's leader died: the
 * gateway's `reset` and snapshot opening a new epoch were published while
 * the stream had no leader (core NATS: not stored), and its kept snapshot
 * was still the old epoch's. The feed then saw only updates of an epoch it
 * never saw start; it used to skip them all in silence. Here the stream is
 * written by hand in that shape, on a real `nats-server`.
 */
test('behavior: a book feed that missed the start of an epoch resyncs from the kept snapshot, reported', async () => {
  nats = await startNatsServer()
  nc = await connect({ servers: nats.url })
  const jsm = await jetstreamManager(nc)
  const js = jetstream(nc)
  await ensureStream(jsm, 'KRAKEN_SPOT', 'kraken.spot', { storage: 'memory' })
  const put = async (
    subject: string,
    kind: string,
    epoch: number,
    seq: number,
    body: string,
  ) => {
    const h = headers()
    h.set(KIND_HEADER, kind)
    h.set(EPOCH_HEADER, String(epoch))
    h.set(SEQ_HEADER, String(seq))
    if (subject === KEPT) h.set('Nats-Rollup', 'sub')
    await js.publish(subject, body, { headers: h })
  }
  await put(SUBJECT, 'reset', 1, 0, '')
  await put(SUBJECT, 'snapshot', 1, 1, 'e1 snapshot')
  await put(KEPT, 'snapshot', 1, 1, 'e1 kept')
  await put(SUBJECT, 'update', 1, 2, 'e1 s2')
  // Epoch 2's reset and snapshot were lost; its updates were stored.
  await put(SUBJECT, 'update', 2, 2, 'e2 s2')
  await put(SUBJECT, 'update', 2, 3, 'e2 s3')

  const emitted: string[] = []
  const resyncs: string[] = []
  feed = startBookFeed(
    {
      js,
      jsm,
      stream: 'KRAKEN_SPOT',
      emit: (text) => emitted.push(text),
      onResync: (_subject, reason) => resyncs.push(reason),
      onLag: () => undefined,
      lagThreshold: 60_000,
    },
    SUBJECT,
    KEPT,
  )
  await until(() => resyncs.length > 0, 30_000, 'a resync')
  expect(resyncs[0]).toBe('missed the start of epoch 2 (at 1)')
  expect(emitted.slice(0, 2)).toEqual(['e1 kept', 'e1 s2'])
  expect(emitted).not.toContain('e2 s2')

  // The gateway's next kept snapshot is of epoch 2: the feed continues from it.
  await put(KEPT, 'snapshot', 2, 3, 'e2 kept')
  await put(SUBJECT, 'update', 2, 4, 'e2 s4')
  await put(SUBJECT, 'update', 2, 5, 'e2 s5')
  await until(() => emitted.includes('e2 s5'), 30_000, 'epoch 2 applied').catch(
    (e) => {
      throw new Error(
        e.message +
          JSON.stringify({
            emitted: emitted.slice(-20),
            resyncs: resyncs.slice(-10),
          }),
      )
    },
  )
  expect(emitted.slice(-3)).toEqual(['e2 kept', 'e2 s4', 'e2 s5'])
  expect(emitted).not.toContain('e2 s3')
})
