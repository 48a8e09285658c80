import type { DeskEvent } from './eventLog.js'

/** JSON that also carries bigints (as strings). */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  )

/** Frames already built: an event is serialised once, however many streams carry it. */
const frames = new WeakMap<DeskEvent, string>()

/** One logged event as an SSE frame (JSON holds no raw newline, so one `data:` line). */
export function eventFrame(event: DeskEvent): string {
  let frame = frames.get(event)
  if (frame === undefined) {
    frame = `id: ${event.id}\nevent: ${event.kind}\ndata: ${toJson(event.data)}\n\n`
    frames.set(event, frame)
  }
  return frame
}

/** A frame of the stream itself (`hello`, `gap`, `too_far_behind`): no id, not replayable. */
export function controlFrame(kind: string, data: unknown): string {
  return `event: ${kind}\ndata: ${toJson(data)}\n\n`
}
