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
 * Streams a file's lines (without their `\n`; a `\r` before it is dropped).
 * Reading pauses while the consumer is busy, so a file of any size streams
 * in bounded memory. Concatenated gzip members read as one stream.
 */
export async function* readLines(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string> {
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
      let from = 0
      const text = rest === '' ? chunk : rest + chunk
      for (
        let at = text.indexOf('\n');
        at !== -1;
        at = text.indexOf('\n', from)
      ) {
        const end = at > from && text.charCodeAt(at - 1) === 13 ? at - 1 : at
        yield text.slice(from, end)
        from = at + 1
      }
      rest = text.slice(from)
    }
    if (rest !== '') yield rest
  } finally {
    file.destroy()
    source.destroy()
  }
}
