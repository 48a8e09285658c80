import type { Writable } from 'node:stream'

/** Text output that waits when the stream's buffer is full. */
export type Output = {
  /** Writes text; resolves once the stream can take more. */
  write(text: string): Promise<void>
}

/** Wraps a writable stream (stdout, a file) with backpressure. */
export function streamOutput(stream: Writable): Output {
  return {
    write(text) {
      if (stream.write(text)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => {
          stream.off('drain', onDrain)
          reject(error)
        }
        const onDrain = () => {
          stream.off('error', onError)
          resolve()
        }
        stream.once('drain', onDrain)
        stream.once('error', onError)
      })
    },
  }
}
