/**
 * A growable byte buffer that one gzip member's text is written into as it
 * comes. Encoding each line into bytes at once keeps no string per frame
 * alive until the member is sealed: strings that live that long are copied
 * by every young-generation collection and promoted, which cost a recording
 * more CPU than compressing it.
 */
export class ByteChunk {
  #bytes: Buffer
  #length = 0

  /** @param size initial capacity in bytes; the buffer grows when needed. */
  constructor(size: number) {
    this.#bytes = Buffer.allocUnsafe(size)
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length
  }

  #reserve(most: number): void {
    if (this.#length + most <= this.#bytes.length) return
    const grown = Buffer.allocUnsafe(
      Math.max(this.#bytes.length * 2, this.#length + most),
    )
    this.#bytes.copy(grown, 0, 0, this.#length)
    this.#bytes = grown
  }

  /** Appends text as UTF-8. */
  text(value: string): void {
    // A UTF-16 unit never takes more than 3 bytes of UTF-8.
    this.#reserve(value.length * 3)
    this.#length += this.#bytes.write(value, this.#length, 'utf8')
  }

  /** Appends text known to be ASCII (timestamps, numbers, fixed keys). */
  ascii(value: string): void {
    this.#reserve(value.length)
    this.#length += this.#bytes.write(value, this.#length, 'latin1')
  }

  /** Appends one byte (a separator). */
  byte(value: number): void {
    this.#reserve(1)
    this.#bytes[this.#length++] = value
  }

  /** The bytes written; the chunk must not be written to afterwards. */
  bytes(): Buffer {
    return this.#bytes.subarray(0, this.#length)
  }
}
