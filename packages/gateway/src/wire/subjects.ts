/** Default subject prefix of the data subjects (`kraken.spot.<channel>.<symbol>`). */
export const DEFAULT_PREFIX = 'kraken.spot'

/** Default JetStream stream that stores every data subject. */
export const DEFAULT_STREAM = 'KRAKEN_SPOT'

/**
 * A symbol as one subject token: `/` becomes `_` (`BTC/USD` → `BTC_USD`),
 * and the characters NATS gives meaning to (`.`, `*`, `>`, whitespace)
 * become `-`, so that a symbol can never widen or split a subject.
 */
export function symbolToken(symbol: string): string {
  return symbol.replaceAll('/', '_').replace(/[.*>\s]/g, '-')
}

/** The data subject of one channel and symbol, or of a channel without symbols. */
export function dataSubject(
  prefix: string,
  channel: string,
  symbol?: string | undefined,
): string {
  return symbol === undefined
    ? `${prefix}.${channel}`
    : `${prefix}.${channel}.${symbolToken(symbol)}`
}

/** The subject that keeps the latest verified snapshot of a book (rolled up). */
export function snapshotSubject(
  prefix: string,
  channel: 'book' | 'level3',
  symbol: string,
): string {
  return `${dataSubject(prefix, channel, symbol)}.snapshot`
}

/**
 * The request subjects of a gateway. They live outside `<prefix>.>` on
 * purpose: a request published on a stream's subject would be stored, and
 * JetStream would answer it with a publish ack.
 */
export function controlSubjects(prefix: string): {
  readonly subscribe: string
  readonly trade: string
} {
  const base = `${prefix}-gateway`
  return { subscribe: `${base}.subscribe`, trade: `${base}.trade` }
}

/** The channel name used in subjects: Kraken's, with `ohlc_<interval>` for candles. */
export function subjectChannel(
  channel: string,
  interval?: number | undefined,
): string {
  return channel === 'ohlc' && interval !== undefined
    ? `ohlc_${interval}`
    : channel
}

/**
 * The subjects of one API key's private channels behind a gateway, named
 * by `account` (a name, never the key): `data` carries `executions` and
 * `balances` frames (core NATS, outside the stream), `subscribe` takes a
 * bot's subscribe requests and answers with the ack and a replay.
 */
export function privateSubjects(
  prefix: string,
  account: string,
): { readonly data: string; readonly subscribe: string } {
  const data = `${prefix}-gateway.private.${account}`
  return { data, subscribe: `${data}.subscribe` }
}

/** Default account name of the gateway's own key on the private subjects. */
export const DEFAULT_ACCOUNT = 'default'

/** Whether `name` is one subject token (letters, digits, `_`, `-`). */
export function isSubjectToken(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name)
}
