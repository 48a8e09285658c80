/**
 * The CRC-32 lookup table (zlib / ISO-HDLC, reflected polynomial
 * 0xEDB88320), built once at load.
 *
 * @internal
 */
export const CRC32_TABLE: Uint32Array = /* @__PURE__ */ buildTable()

function buildTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
}

/**
 * CRC-32 of a string of byte-sized characters (Kraken checksum input is ASCII
 * digits), computed in JavaScript with the lookup table. Works everywhere.
 *
 * @example
 * ```ts
 * import { crc32Portable } from '@kraken-sockets/book'
 * crc32Portable('123456789') // 3421780262 (0xCBF43926)
 * ```
 */
export function crc32Portable(text: string): number {
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++)
    crc = (CRC32_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8)
  return ~crc >>> 0
}

/** The part of `node:zlib` we use, typed structurally (no Node typings). */
type NativeCrc32 = (data: string, value?: number) => number

type BuiltinModuleLoader = (id: string) => { crc32?: unknown } | undefined

/**
 * Finds the platform's native CRC-32 (Node ≥ 20.15 exposes `zlib.crc32`,
 * reachable without an import through `process.getBuiltinModule`, Node ≥
 * 20.16). Looked up at run time so that the package has no `node:` import and
 * still loads in browsers.
 */
function findNativeCrc32(): NativeCrc32 | undefined {
  try {
    const host = globalThis as {
      process?: { getBuiltinModule?: BuiltinModuleLoader }
    }
    const crc32 = host.process?.getBuiltinModule?.('node:zlib')?.crc32
    return typeof crc32 === 'function' ? (crc32 as NativeCrc32) : undefined
  } catch {
    return undefined
  }
}

const nativeCrc32 = findNativeCrc32()

/**
 * Whether {@link crc32} runs the platform's native implementation (Node's
 * `zlib.crc32`) rather than {@link crc32Portable}.
 */
export const hasNativeCrc32: boolean = nativeCrc32 !== undefined

/**
 * CRC-32 (zlib) of an ASCII string as an unsigned 32-bit integer: the
 * platform's native implementation where it exists, {@link crc32Portable}
 * elsewhere. Both give identical results for ASCII input.
 *
 * @example
 * ```ts
 * import { crc32 } from '@kraken-sockets/book'
 * crc32(book.checksumText()) === book.checksum() // true
 * ```
 */
export function crc32(text: string): number {
  return nativeCrc32 === undefined
    ? crc32Portable(text)
    : nativeCrc32(text) >>> 0
}
