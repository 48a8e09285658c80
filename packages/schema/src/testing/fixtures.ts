import liveSamples from '../../../../fixtures/kraken-v2/live-samples.json?raw'
import samples from '../../../../fixtures/kraken-v2/samples.json?raw'

/** A received frame of the shared fixtures, with its exact text. */
export type ReceivedFrame = {
  readonly file: 'samples.json' | 'live-samples.json'
  readonly channel_or_method: string
  readonly note?: string
  readonly text: string
}

function framesOf(file: ReceivedFrame['file'], text: string): ReceivedFrame[] {
  const frames: ReceivedFrame[] = []
  // One sample per line, with `message` last: its text is the frame's text.
  for (const line of text.split('\n')) {
    const match = /^\s*(\{.*"message": )(\{.*\})\},?\s*$/.exec(line)
    if (match?.[1] === undefined || match[2] === undefined) continue
    const meta = JSON.parse(`${match[1]}null}`) as {
      direction: string
      channel_or_method: string
      note?: string
    }
    if (meta.direction !== 'receive') continue
    if (meta.channel_or_method.startsWith('REST')) continue
    frames.push({
      file,
      channel_or_method: meta.channel_or_method,
      text: match[2],
      ...(meta.note ? { note: meta.note } : {}),
    })
  }
  return frames
}

/** Every WebSocket frame Kraken sent in `samples.json` and `live-samples.json`. */
export const receivedFrames: readonly ReceivedFrame[] = [
  ...framesOf('samples.json', samples),
  ...framesOf('live-samples.json', liveSamples),
]

/** The frames of a channel or method, e.g. `'ticker'` or `'add_order'`. */
export function framesFor(channelOrMethod: string): string[] {
  return receivedFrames
    .filter((f) => f.channel_or_method === channelOrMethod)
    .map((f) => f.text)
}
