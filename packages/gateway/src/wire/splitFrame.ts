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
  const head = `{"channel":${JSON.stringify(channel)},"type":${JSON.stringify(type)},"data":[`
  const first = itemKey(data[0])
  // The usual frame: one symbol, in Kraken's own layout. Its body is the
  // text as received, with no scan for the items.
  if (
    data.length > 0 &&
    data.every((item) => sameKey(item, first)) &&
    text.startsWith(head) &&
    text.endsWith(']}')
  )
    return [
      {
        channel,
        type,
        symbol: first.symbol === '' ? undefined : first.symbol,
        interval: first.interval,
        body: text,
      },
    ]
  const raw = topLevelArrayItems(text, 'data')
  if (raw === undefined || raw.length !== data.length) return undefined
  const groups = new Map<
    string,
    { symbol: string; interval: number | undefined; items: string[] }
  >()
  for (let index = 0; index < data.length; index++) {
    const { symbol, interval } = itemKey(data[index])
    const key = `${symbol}\u0000${interval ?? ''}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { symbol, interval, items: [] }
      groups.set(key, group)
    }
    group.items.push(raw[index] as string)
  }
  const parts: FramePart[] = []
  for (const group of groups.values())
    parts.push({
      channel,
      type,
      symbol: group.symbol === '' ? undefined : group.symbol,
      interval: group.interval,
      body: `${head}${group.items.join(',')}]}`,
    })
  return parts
}

interface ItemKey {
  readonly symbol: string
  readonly interval: number | undefined
}

/** What decides an item's subject: its symbol ('' when none) and OHLC interval. */
function itemKey(value: unknown): ItemKey {
  const item = value as Record<string, unknown> | null
  return {
    symbol: typeof item?.symbol === 'string' ? item.symbol : '',
    interval: typeof item?.interval === 'number' ? item.interval : undefined,
  }
}

function sameKey(value: unknown, key: ItemKey): boolean {
  const other = itemKey(value)
  return other.symbol === key.symbol && other.interval === key.interval
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
