/** One subject's share of a Kraken channel frame. */
export interface FramePart {
  /** Kraken's channel (`book`, `ticker`, `ohlc`, ...). */
  readonly channel: string
  /** `snapshot` or `update`. */
  readonly type: string
  /** The items' symbol, or undefined for channels without one (`status`, `instrument`). */
  readonly symbol: string | undefined
  /** The OHLC interval, for `ohlc` frames. */
  readonly interval: number | undefined
  /** A Kraken v2 frame holding only this symbol's items, with Kraken's exact digits. */
  readonly body: string
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Splits a Kraken channel frame (`{"channel", "type", "data": [...]}`) into
 * one frame per symbol, in Kraken's order. Items are copied as the raw text
 * Kraken sent, never re-serialised, so every number keeps its digits.
 * Returns `[]` for frames that are not channel data (acks, pongs,
 * heartbeats) and `undefined` for text that is not such a frame at all.
 */
export function splitFrame(text: string): FramePart[] | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const frame = parsed as Record<string, unknown>
  const { channel, type, data } = frame
  if (typeof channel !== 'string' || channel === 'heartbeat') return []
  if (typeof type !== 'string') return []
  // Whole frames, one subject each; `instrument`'s data is an object
  // (`{ assets, pairs }`), not a list of items.
  if (
    (channel === 'status' || channel === 'instrument') &&
    typeof data === 'object' &&
    data !== null
  )
    return [
      { channel, type, symbol: undefined, interval: undefined, body: text },
    ]
  if (!Array.isArray(data)) return []
  const raw = topLevelArrayItems(text, 'data')
  if (raw === undefined || raw.length !== data.length) return undefined
  const groups = new Map<
    string,
    { interval: number | undefined; items: string[] }
  >()
  for (let index = 0; index < data.length; index++) {
    const item = data[index] as Record<string, unknown> | null
    const symbol = typeof item?.symbol === 'string' ? item.symbol : ''
    const interval =
      typeof item?.interval === 'number' ? item.interval : undefined
    const key = `${symbol}\u0000${interval ?? ''}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { interval, items: [] }
      groups.set(key, group)
    }
    group.items.push(raw[index] as string)
  }
  const head = `{"channel":${JSON.stringify(channel)},"type":${JSON.stringify(type)},"data":[`
  const parts: FramePart[] = []
  for (const [key, group] of groups) {
    const symbol = key.slice(0, key.indexOf('\u0000'))
    parts.push({
      channel,
      type,
      symbol: symbol === '' ? undefined : symbol,
      interval: group.interval,
      body: `${head}${group.items.join(',')}]}`,
    })
  }
  return parts
}

/**
 * The raw text of each item of the array at `key` of the top-level object,
 * or undefined when there is none. Walks the text once, skipping strings.
 */
function topLevelArrayItems(text: string, key: string): string[] | undefined {
  let depth = 0
  let index = 0
  const length = text.length
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) {
      const end = stringEnd(text, index)
      if (depth === 1 && text.slice(index + 1, end) === key) {
        let next = end + 1
        while (next < length && text[next] !== ':') next++
        next++
        while (next < length && /\s/.test(text[next] as string)) next++
        if (text[next] === '[') return arrayItems(text, next)
      }
      index = end + 1
      continue
    }
    if (code === 0x7b || code === 0x5b) depth++
    else if (code === 0x7d || code === 0x5d) depth--
    index++
  }
  return undefined
}

/** Items of the array whose `[` is at `start`, as raw text. */
function arrayItems(text: string, start: number): string[] {
  const items: string[] = []
  let depth = 0
  let itemStart = start + 1
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) {
      index = stringEnd(text, index)
      continue
    }
    if (code === 0x7b || code === 0x5b) depth++
    else if (code === 0x7d || code === 0x5d) {
      if (depth === 0) {
        const last = text.slice(itemStart, index).trim()
        if (last !== '') items.push(last)
        return items
      }
      depth--
    } else if (code === 0x2c && depth === 0) {
      items.push(text.slice(itemStart, index).trim())
      itemStart = index + 1
    }
  }
  return items
}

/** Index of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === BACKSLASH) index += 2
    else if (code === QUOTE) return index
    else index++
  }
  return text.length
}
