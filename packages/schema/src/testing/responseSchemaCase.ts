import * as v from 'valibot'
import { expect, test } from 'vitest'
import { decodeMessage } from '../decode/decodeMessage.js'
import { issuePath } from '../decode/paths.js'
import type { DecodeResult } from '../decode/types.js'
import type { ResponseType } from '../responses/responseType.js'
import { receivedFrames } from './fixtures.js'

type Path = readonly (string | number)[]

/** What one response schema's test checks against the shared fixtures. */
export type ResponseSchemaCase = {
  /** Fixture keys (`channel_or_method` up to its `:`) of the frames. */
  readonly fixtures: readonly string[]
  /** The response types those frames decode to. */
  readonly types: readonly ResponseType[]
  /** A required field: where it is in a frame, and the path a failure names. */
  readonly missing: { readonly at: Path; readonly path: string }
  /** A literal in a decoded value, a wrong value for it, and the issue path. */
  readonly literal: {
    readonly type: ResponseType
    readonly at: Path
    readonly value: unknown
    readonly path: string
  }
}

type Json = Record<string | number, unknown>

function parentOf(root: unknown, at: Path): Json | undefined {
  let node = root
  for (const key of at.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Json)[key]
  }
  return typeof node === 'object' && node !== null ? (node as Json) : undefined
}

function lastKey(at: Path): string | number {
  const key = at[at.length - 1]
  if (key === undefined) throw new Error('empty path')
  return key
}

/** The path of a result's first failure, whether of the frame or an item. */
function firstFailurePath(result: DecodeResult): string | undefined {
  return result.ok ? result.errors[0]?.path : result.error.path
}

/**
 * The tests every response schema gets (STYLE §7.5): each fixture of its
 * channel or method decodes and passes the schema, a missing required field
 * and a wrong literal fail with their path.
 */
export function testResponseSchema(c: ResponseSchemaCase): void {
  const frames = receivedFrames.filter((f) =>
    c.fixtures.includes(f.channel_or_method.split(':')[0] ?? ''),
  )

  test('default: every fixture decodes and passes its schema', () => {
    expect(frames.length).toBeGreaterThan(0)
    for (const { text, file } of frames) {
      const result = decodeMessage(text)
      if (!result.ok) throw new Error(`${file}: ${result.error.message}`)
      expect(result.errors).toEqual([])
      for (const response of result.responses) {
        expect(c.types).toContain(response.type)
        expect(v.safeParse(response.type.schema, response.value).issues).toBe(
          undefined,
        )
      }
    }
  })

  test('error: a missing required field fails with its path', () => {
    let tried = 0
    for (const { text } of frames) {
      const frame: unknown = JSON.parse(text)
      const parent = parentOf(frame, c.missing.at)
      const key = lastKey(c.missing.at)
      if (parent === undefined || !(key in parent)) continue
      delete parent[key]
      tried++
      expect(firstFailurePath(decodeMessage(JSON.stringify(frame)))).toBe(
        c.missing.path,
      )
    }
    expect(tried).toBeGreaterThan(0)
  })

  test('error: a wrong literal fails with its path', () => {
    let tried = 0
    for (const { text } of frames) {
      const result = decodeMessage(text)
      if (!result.ok) continue
      for (const response of result.responses) {
        if (response.type !== c.literal.type) continue
        const value: unknown = JSON.parse(JSON.stringify(response.value))
        const parent = parentOf(value, c.literal.at)
        if (parent === undefined) continue
        parent[lastKey(c.literal.at)] = c.literal.value
        tried++
        const parsed = v.safeParse(c.literal.type.schema, value)
        expect(parsed.success).toBe(false)
        if (!parsed.success)
          expect(issuePath('', parsed.issues[0])).toBe(c.literal.path)
      }
    }
    expect(tried).toBeGreaterThan(0)
  })
}
