import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { receivedFrames } from '../testing/fixtures.js'
import { decodeMessage } from './decodeMessage.js'
import { decodeSlow } from './slowPath.js'
import type { DecodeResult } from './types.js'

// Property runs are bounded by numRuns; a generous time limit keeps them
// from failing on a busy shared machine, where 5 s is not enough.
vi.setConfig({ testTimeout: 120_000 })

// The channels only the slow path decodes, and level3, whose fast path hands
// every failure to the slow path. decodeMessage must agree with the slow path
// on them (a mutation can turn one into a hot channel, where both exist), and
// every retyped field must fail at its own path.

const SLOW = ['level3', 'status', 'instrument', 'executions', 'balances']
const slow = receivedFrames.filter((f) => SLOW.includes(f.channel_or_method))

type Json = unknown
type Key = string | number

function outcome(result: DecodeResult) {
  return result.ok
    ? {
        ok: true,
        responses: result.responses.map((r) => [r.name, r.value]),
        errors: result.errors,
      }
    : { ok: false, path: result.error.path, issues: result.error.issues }
}

function firstFailurePath(result: DecodeResult): string | undefined {
  return result.ok ? result.errors[0]?.path : result.error.path
}

/** `['data', 0, 'bid']` as the decoder writes it: `data[0].bid`. */
function pathText(path: readonly Key[]): string {
  let text = ''
  for (const key of path)
    text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`
  return text
}

/** Every leaf of a frame (the first 3 elements of each list). */
function leaves(value: Json, path: Key[] = []): Key[][] {
  if (typeof value !== 'object' || value === null) return [path]
  const keys: Key[] = Array.isArray(value)
    ? value.slice(0, 3).map((_, i) => i)
    : Object.keys(value)
  return keys.flatMap((key) =>
    leaves((value as Record<Key, Json>)[key], [...path, key]),
  )
}

/** Whether the object or list holding `path` (`data[0].bid`) exists. */
function parentExists(frame: Json, path: string): boolean {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? (m[1] as string) : Number(m[2]),
  )
  let node = frame
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false
    node = (node as Record<Key, Json>)[key]
  }
  return typeof node === 'object' && node !== null
}

function withLeaf(frame: Json, path: readonly Key[], leaf: Json): string {
  const copy = JSON.parse(JSON.stringify(frame)) as Record<Key, Json>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<Key, Json>
  node[path[path.length - 1] as Key] = leaf
  return JSON.stringify(copy)
}

describe('slow-path channels', () => {
  test('default: every fixture decodes without errors', () => {
    expect(new Set(slow.map((f) => f.channel_or_method))).toEqual(new Set(SLOW))
    for (const { text } of slow) {
      const result = decodeMessage(text)
      expect(result.ok && result.errors.length === 0).toBe(true)
      expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
    }
  })

  test('error: each retyped field fails at its own path, or is untyped', () => {
    const untyped = new Set<string>()
    let tried = 0
    for (const { text } of slow) {
      const frame: Json = JSON.parse(text)
      for (const path of leaves(frame)) {
        tried++
        const result = decodeMessage(withLeaf(frame, path, { wrong: true }))
        const failed = firstFailurePath(result)
        if (failed === undefined) untyped.add(String(path[path.length - 1]))
        else expect(failed).toBe(pathText(path))
      }
    }
    // Fields the schemas leave free: Kraken's extras, kept as sent.
    expect([...untyped].sort()).toEqual([])
    expect(tried).toBeGreaterThan(200)
  })

  test('behavior: decodeMessage agrees with the schemas on mutated frames', () => {
    const mutated = fc
      .record({
        frame: fc.constantFrom(...slow.map((f) => f.text)),
        pick: fc.nat(),
        leaf: fc.oneof(
          fc.jsonValue(),
          fc.constantFrom('book', 'ticker', 'update', 'snapshot', 1.5, -1),
        ),
        remove: fc.boolean(),
      })
      .map(({ frame, pick, leaf, remove }) => {
        const parsed: Json = JSON.parse(frame)
        const all = leaves(parsed)
        const path = all[pick % all.length] ?? []
        if (!remove || path.length === 0) return withLeaf(parsed, path, leaf)
        const text = withLeaf(parsed, path, '__removed__')
        return text.replace(/,?"[^"]*":"__removed__"|"__removed__",?/, '')
      })
    fc.assert(
      fc.property(mutated, (text) => {
        const result = decodeMessage(text)
        expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
        // A failure names a place in the frame: its parent is there.
        const failed = firstFailurePath(result)
        if (failed !== undefined && failed !== '')
          expect(parentExists(JSON.parse(text), failed)).toBe(true)
      }),
      { numRuns: 1500 },
    )
  })
})
