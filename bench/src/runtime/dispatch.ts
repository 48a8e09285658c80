/**
 * Dispatch cost per message of the runtime's trigger registry, as ratios to
 * a bare function-call loop measured in the same run.
 *
 * Run: pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/runtime/dispatch.ts
 */
import { EventEmitter } from 'node:events'
// The registry alone, through the runtime's documented entry for benchmarks
// and tests (`@kraken-sockets/runtime/testing`).
import {
  createTriggerRegistry,
  type TriggerKey,
} from '@kraken-sockets/runtime/testing'

const MESSAGES = 1_000_000
const BATCH = 500
const ROUNDS = 7

const Family: TriggerKey = Object.freeze({
  kind: 'family',
  name: 'UpdateResponse',
})
const Ticker: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'TickerUpdateResponse',
  families: Object.freeze([Family]),
})
const value = { channel: 'ticker', type: 'update', symbol: 'BTC/USD', last: 1 }

let total = 0
const handle = (item: { last: number }) => {
  total += item.last
}
const handleAsync = async (item: { last: number }) => {
  total += item.last
}

function registry() {
  return createTriggerRegistry({
    queueSize: BATCH,
    onError: (error) => {
      throw error
    },
    onGap: () => {
      throw new Error('unexpected gap')
    },
  })
}

async function median(run: () => Promise<void> | void): Promise<number> {
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return ((times[Math.floor(ROUNDS / 2)] ?? 0) * 1e6) / MESSAGES
}

const baseline = await median(() => {
  for (let index = 0; index < MESSAGES; index++) handle(value)
})

const syncRegistry = registry()
syncRegistry.add(Ticker, handle)
const syncIdle = await median(() => {
  for (let index = 0; index < MESSAGES; index++) {
    syncRegistry.dispatch(Ticker, value)
  }
})

const familyRegistry = registry()
familyRegistry.add(Ticker, handle)
familyRegistry.add(Family, handle)
const syncTwoHandlers = await median(() => {
  for (let index = 0; index < MESSAGES; index++) {
    familyRegistry.dispatch(Ticker, value)
  }
})

const emitter = new EventEmitter()
emitter.on('ticker', handle)
const nodeEmitter = await median(() => {
  for (let index = 0; index < MESSAGES; index++) emitter.emit('ticker', value)
})

const awaitedBaseline = await median(async () => {
  for (let index = 0; index < MESSAGES; index++) await handleAsync(value)
})

const asyncRegistry = registry()
asyncRegistry.add(Ticker, handleAsync)
const asyncHandler = await median(async () => {
  for (let sent = 0; sent < MESSAGES; sent += BATCH) {
    for (let index = 0; index < BATCH; index++) {
      asyncRegistry.dispatch(Ticker, value)
    }
    await asyncRegistry.drain()
  }
})

const rows = [
  ['bare function call (baseline)', baseline],
  ['dispatch, 1 idle sync handler', syncIdle],
  ['dispatch, type + family sync handlers', syncTwoHandlers],
  ['node:events emit, 1 listener (reference)', nodeEmitter],
  ['bare `await asyncFn()` loop', awaitedBaseline],
  [`dispatch, 1 async handler (bursts of ${BATCH}, queued)`, asyncHandler],
] as const
console.log(
  `${MESSAGES} messages, median of ${ROUNDS} rounds (checksum ${total})`,
)
for (const [label, nsPerMessage] of rows) {
  console.log(
    `${label.padEnd(52)} ${nsPerMessage.toFixed(1).padStart(7)} ns/msg  ${(nsPerMessage / baseline).toFixed(1).padStart(6)}x baseline`,
  )
}
