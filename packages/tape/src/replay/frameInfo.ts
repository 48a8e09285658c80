/** What replay needs to know about a received frame. */
export type FrameInfo =
  | {
      readonly kind: 'channel'
      readonly channel: string
      /** Symbols of the frame's items (empty for channel-wide data). */
      readonly symbols: readonly string[]
    }
  | {
      readonly kind: 'method'
      readonly method: string
      readonly success: boolean
      /** The subscription key of a subscribe/unsubscribe ack, if any. */
      readonly key: string | undefined
    }
  | { readonly kind: 'other' }

const CHANNEL_RE = /"channel"\s*:\s*"([^"]+)"/
const SYMBOL_RE = /"symbol"\s*:\s*"([^"]+)"/g
const METHOD_RE = /"method"\s*:\s*"/

/** Channels whose data is not per symbol. */
const CHANNEL_WIDE = new Set(['instrument', 'executions', 'balances'])

/** Channels that are never subscribed (sent on every socket). */
export const UNSOLICITED = new Set(['status', 'heartbeat'])

/** The key replay uses for a subscription: channel and symbol. */
export function subscriptionKey(
  channel: string,
  symbol: string | undefined,
): string {
  return CHANNEL_WIDE.has(channel) || symbol === undefined
    ? channel
    : `${channel} ${symbol}`
}

/**
 * Classifies a received frame without decoding its data: data frames are
 * read with two regular expressions (their text is never re-serialised);
 * method frames (acks, pongs) are small and parsed.
 */
export function frameInfo(text: string): FrameInfo {
  if (METHOD_RE.test(text)) {
    let value: Record<string, unknown>
    try {
      value = JSON.parse(text) as Record<string, unknown>
    } catch {
      return { kind: 'other' }
    }
    const result = (value.result ?? {}) as Record<string, unknown>
    const channel =
      typeof result.channel === 'string'
        ? result.channel
        : typeof value.channel === 'string'
          ? value.channel
          : undefined
    const symbol =
      typeof result.symbol === 'string'
        ? result.symbol
        : typeof value.symbol === 'string'
          ? value.symbol
          : undefined
    return {
      kind: 'method',
      method: String(value.method),
      success: value.success === true,
      key: channel === undefined ? undefined : subscriptionKey(channel, symbol),
    }
  }
  const channel = CHANNEL_RE.exec(text)?.[1]
  if (channel === undefined) return { kind: 'other' }
  if (CHANNEL_WIDE.has(channel) || UNSOLICITED.has(channel))
    return { kind: 'channel', channel, symbols: [] }
  const symbols: string[] = []
  for (const match of text.matchAll(SYMBOL_RE)) {
    const symbol = match[1] as string
    if (!symbols.includes(symbol)) symbols.push(symbol)
  }
  return { kind: 'channel', channel, symbols }
}

/** The subscription keys a data frame belongs to. */
export function frameKeys(info: FrameInfo & { kind: 'channel' }): string[] {
  if (info.symbols.length === 0)
    return [subscriptionKey(info.channel, undefined)]
  return info.symbols.map((symbol) => subscriptionKey(info.channel, symbol))
}
