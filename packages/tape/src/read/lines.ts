import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

/** Options of {@link readLines}. */
export type ReadLinesOptions = {
  /** Byte offset to start at (a gzip member boundary for gzip files). @default 0 */
  start?: number | undefined
  /** Gunzip the bytes. @default true when the path ends in `.gz` */
  gzip?: boolean | undefined
}

/**
 * Streams a file's lines in batches (one batch per chunk read, lines without
 * their `\n`; a `\r` before it is dropped). Reading pauses while the
 * consumer is busy, so a file of any size streams in bounded memory.
 * Concatenated gzip members read as one stream.
 */
export async function* readLineBatches(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string[]> {
  const file = createReadStream(path, {
    start: options.start ?? 0,
    highWaterMark: 256 * 1024,
  })
  const gzip = options.gzip ?? path.endsWith('.gz')
  const source = gzip
    ? file.pipe(createGunzip({ chunkSize: 256 * 1024 }))
    : file
  if (gzip) file.on('error', (error) => source.destroy(error))
  source.setEncoding('utf8')
  let rest = ''
  try {
    for await (const chunk of source as AsyncIterable<string>) {
      const text = rest === '' ? chunk : rest + chunk
      const lines = text.split('\n')
      rest = lines.pop() ?? ''
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string
        if (line.charCodeAt(line.length - 1) === 13)
          lines[i] = line.slice(0, -1)
      }
      if (lines.length > 0) yield lines
    }
    if (rest !== '') yield [rest]
  } finally {
    file.destroy()
    source.destroy()
  }
}

/**
 * Streams a file's lines one by one (see {@link readLineBatches}).
 *
 * @example
 * ```ts
 * for await (const line of readLines('000001.frames.gz')) console.log(line)
 * ```
 */
export async function* readLines(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string> {
  for await (const batch of readLineBatches(path, options)) yield* batch
}
