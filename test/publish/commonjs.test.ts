import { execFile } from 'node:child_process'
import {
  mkdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { packTarball, repoRoot, type Stage, stagePackages } from './stage.js'

/**
 * A CommonJS consumer of the packed `@kraken-sockets/schema`: Node ≥ 20.19
 * loads our ESM with `require()` (require(esm)), and TypeScript ≥ 5.8 with
 * `module: nodenext` type-checks a `.cts` file that imports it.
 */

const run = promisify(execFile)
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

/** Kraken's documented ticker snapshot, as the frame text a socket delivers. */
function tickerFrame(): string {
  const samples: unknown = JSON.parse(
    readFileSync(join(repoRoot, 'fixtures/kraken-v2/samples.json'), 'utf8'),
  )
  const sample = (samples as { channel_or_method: string; message: unknown }[])
    .filter((s) => s.channel_or_method === 'ticker')
    .find((s) => (s.message as { type?: unknown }).type === 'snapshot')
  if (sample === undefined) throw new Error('no ticker snapshot sample')
  return JSON.stringify(sample.message)
}

const requireScript = `'use strict'
const { decodeMessage, TickerSnapshotResponse } = require('@kraken-sockets/schema')
const result = decodeMessage(process.argv[2])
if (!result.ok) throw result.error
const [first] = result.responses
process.stdout.write(JSON.stringify({
  count: result.responses.length,
  isTicker: first.type === TickerSnapshotResponse,
  name: first.name,
  symbol: first.value.symbol,
  last: first.value.last,
}))
`

const typeCheckedScript = `import {
  type DecodeResult,
  decodeMessage,
  TickerSnapshotResponse,
} from '@kraken-sockets/schema'

export const seen: [last: number, same: boolean][] = []
const result: DecodeResult = decodeMessage('{"channel":"heartbeat"}')
if (result.ok)
  for (const response of result.responses)
    if (response.name === 'TickerSnapshotResponse')
      seen.push([response.value.last, response.type === TickerSnapshotResponse])

// @ts-expect-error proves the types resolved: an \`any\` would accept a number
decodeMessage(42)
`

let stage: Stage
let consumer: string

beforeAll(async () => {
  stage = await stagePackages(['schema'])
  consumer = join(stage.scratch, 'consumer')
  const installed = join(consumer, 'node_modules/@kraken-sockets/schema')
  mkdirSync(installed, { recursive: true })
  const tarball = await packTarball(stage.dir('schema'), stage.scratch)
  await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
  // The peer dependency and Node's typings, as the consumer would install
  // them next to ours.
  mkdirSync(join(consumer, 'node_modules/@types'))
  for (const dependency of ['valibot', '@types/node'])
    symlinkSync(
      realpathSync(join(repoRoot, 'node_modules', dependency)),
      join(consumer, 'node_modules', dependency),
      'dir',
    )
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }),
  )
})

afterAll(() => stage?.remove())

test('behavior: a .cjs file require()s the packed schema and decodes a frame', async () => {
  writeFileSync(join(consumer, 'decode.cjs'), requireScript)
  const { stdout } = await run(process.execPath, [
    join(consumer, 'decode.cjs'),
    tickerFrame(),
  ])
  expect(JSON.parse(stdout)).toEqual({
    count: 1,
    isTicker: true,
    name: 'TickerSnapshotResponse',
    symbol: 'ALGO/USD',
    last: 0.10035,
  })
})

test('behavior: a .cts file type-checks against it with module nodenext', async () => {
  writeFileSync(join(consumer, 'check.cts'), typeCheckedScript)
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        target: 'es2022',
        // A Node consumer's setup; valibot's declarations name Blob and File,
        // which @types/node declares.
        lib: ['es2023'],
        types: ['node'],
        strict: true,
        noEmit: true,
        // Check our shipped declarations too, under the consumer's settings.
        skipLibCheck: false,
      },
      files: ['check.cts'],
    }),
  )
  const checked = await run(process.execPath, [
    tsc,
    '-p',
    join(consumer, 'tsconfig.json'),
  ]).then(
    () => 'no errors',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  )
  expect(checked).toBe('no errors')
})
