import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'

/** File name of a segment's frames (tardis.dev raw lines, gzip). */
export function framesFileName(segment: number): string {
  return `${String(segment).padStart(6, '0')}.frames.gz`
}

/** File name of a segment's sidecar (JSON Lines, gzip). */
export function metaFileName(segment: number): string {
  return `${String(segment).padStart(6, '0')}.meta.gz`
}

/** File name of the sparse index (JSON Lines, plain text). */
export const INDEX_FILE = 'index.jsonl'

/** An append-only file whose byte count is known (for index offsets). */
export type CountingFile = {
  readonly bytes: number
  append(data: Buffer | string): Promise<void>
  close(): Promise<void>
}

/** Opens `dir/name` for appending; each `append` resolves once written. */
export function openCountingFile(dir: string, name: string): CountingFile {
  const stream: WriteStream = createWriteStream(join(dir, name), { flags: 'a' })
  let bytes = 0
  let failure: unknown
  stream.on('error', (error) => {
    failure = error
  })
  return {
    get bytes() {
      return bytes
    },
    append(data) {
      return new Promise((resolve, reject) => {
        if (failure !== undefined) {
          reject(failure)
          return
        }
        stream.write(data, (error) => {
          if (error) reject(error)
          else {
            bytes +=
              typeof data === 'string' ? Buffer.byteLength(data) : data.length
            resolve()
          }
        })
      })
    },
    close() {
      return new Promise((resolve, reject) => {
        if (failure !== undefined) {
          reject(failure)
          return
        }
        stream.end(() => (failure === undefined ? resolve() : reject(failure)))
      })
    },
  }
}
