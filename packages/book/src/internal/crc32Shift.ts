import { CRC32_TABLE } from '../crc32.js'

/*
 * CRC-32 is linear: the register after feeding bytes B from a start register
 * S equals (register after B from 0) XOR (S advanced over |B| zero bytes).
 * So a book caches, per level, the register of its own digits fed from 0 and
 * their count, and a checksum folds 20 cached levels with 20 "advance over n
 * zero bytes" steps instead of re-reading ~300 characters per update.
 *
 * Advancing over n zero bytes is a linear map on 32 bits, applied here as four
 * 256-entry lookups (one per register byte). Maps for n < SMALL are built on
 * first use; longer advances (level3 levels holding many orders) compose the
 * maps for powers of two.
 */

const SMALL = 64
const smallMaps: (Uint32Array | undefined)[] = []
const powerMaps: Uint32Array[] = []

/** Feeds one byte into a raw (uncomplemented) CRC-32 register. */
export function crcFeed(register: number, byte: number): number {
  return (CRC32_TABLE[(register ^ byte) & 0xff] ?? 0) ^ (register >>> 8)
}

function applyMap(map: Uint32Array, register: number): number {
  return (
    (map[register & 0xff] ?? 0) ^
    (map[256 | ((register >>> 8) & 0xff)] ?? 0) ^
    (map[512 | ((register >>> 16) & 0xff)] ?? 0) ^
    (map[768 | (register >>> 24)] ?? 0)
  )
}

/** Builds the byte-indexed form of a linear map given its 32 basis images. */
function fromBasis(basis: Uint32Array): Uint32Array {
  const map = new Uint32Array(1024)
  for (let part = 0; part < 4; part++)
    for (let value = 1; value < 256; value++) {
      const lowBit = 31 - Math.clz32(value & -value)
      map[part * 256 + value] =
        (map[part * 256 + (value & (value - 1))] ?? 0) ^
        (basis[part * 8 + lowBit] ?? 0)
    }
  return map
}

function zeroBytesMap(count: number): Uint32Array {
  const basis = new Uint32Array(32)
  for (let bit = 0; bit < 32; bit++) {
    let register = (1 << bit) >>> 0
    for (let i = 0; i < count; i++) register = crcFeed(register, 0)
    basis[bit] = register
  }
  return fromBasis(basis)
}

function smallMap(count: number): Uint32Array {
  let map = smallMaps[count]
  if (map === undefined) {
    map = zeroBytesMap(count)
    smallMaps[count] = map
  }
  return map
}

/** The map advancing over 2^power zero bytes. */
function powerMap(power: number): Uint32Array {
  for (let p = powerMaps.length; p <= power; p++) {
    if (p === 0) {
      powerMaps.push(zeroBytesMap(1))
      continue
    }
    const half = powerMaps[p - 1] ?? zeroBytesMap(2 ** (p - 1))
    const basis = new Uint32Array(32)
    for (let bit = 0; bit < 32; bit++)
      basis[bit] = applyMap(half, applyMap(half, (1 << bit) >>> 0))
    powerMaps.push(fromBasis(basis))
  }
  return powerMaps[power] ?? zeroBytesMap(2 ** power)
}

/**
 * Advances a raw CRC-32 register over `count` zero bytes.
 *
 * @internal
 */
export function crcShift(register: number, count: number): number {
  if (count < SMALL)
    return count === 0 ? register : applyMap(smallMap(count), register)
  let result = register
  let rest = count
  for (let power = 0; rest > 0; power++, rest = Math.floor(rest / 2))
    if (rest % 2 === 1) result = applyMap(powerMap(power), result)
  return result
}

/**
 * Raw register of A followed by B, from the raw registers of A and B (each fed
 * from 0) and the length of B.
 *
 * @internal
 */
export function crcConcat(rawA: number, rawB: number, lengthB: number): number {
  return (crcShift(rawA, lengthB) ^ rawB) >>> 0
}

/**
 * Finalises a raw register fed from 0 over `length` bytes into the standard
 * CRC-32 of those bytes (which starts from 0xFFFFFFFF and complements).
 *
 * @internal
 */
export function crcFinish(raw: number, length: number): number {
  return ~(crcShift(0xffffffff, length) ^ raw) >>> 0
}
