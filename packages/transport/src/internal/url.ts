import { InvalidUrlError } from '../errors.js'
import type { TransportEndpoint } from '../types.js'

/**
 * Removes credentials from a URL for messages and events: the user info and
 * every query value become `***`. Unparsable text is fully hidden.
 */
export function redactUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return '<unparsable URL>'
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '***'
    url.password = ''
  }
  for (const key of [...url.searchParams.keys()])
    url.searchParams.set(key, '***')
  // URLSearchParams escapes the asterisks; keep them readable.
  return url.toString().replaceAll('%2A%2A%2A', '***')
}

/**
 * True for `localhost`, 127.0.0.0/8 and ::1 written literally. Other names
 * under `.localhost` are refused: only the name `localhost` itself is
 * resolved to loopback by every resolver; a `*.localhost` name can be
 * resolved elsewhere (a proxy, a custom resolver, an older OS), and a plain
 * ws: socket there would carry tokens in clear.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '::1' ||
    isLoopbackIpv4(host)
  )
}

/** 127.x.y.z with every part a decimal byte (as `URL` normalises IPv4). */
function isLoopbackIpv4(host: string): boolean {
  const parts = host.split('.')
  return (
    parts.length === 4 &&
    parts[0] === '127' &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  )
}

/**
 * Checks a socket URL: it must parse and use ws: or wss:, and authenticated
 * endpoints (which carry tokens) must use wss: unless the host is loopback.
 * @throws {InvalidUrlError}
 */
export function checkSocketUrl(text: string, endpoint: TransportEndpoint): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InvalidUrlError({
      url: redactUrl(text),
      reason: 'it does not parse as a URL',
    })
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new InvalidUrlError({
      url: redactUrl(text),
      reason: `a WebSocket URL must use ws: or wss:, not ${url.protocol}`,
    })
  if (
    endpoint !== 'public' &&
    url.protocol !== 'wss:' &&
    !isLoopbackHost(url.hostname)
  )
    throw new InvalidUrlError({
      url: redactUrl(text),
      reason: `the ${endpoint} endpoint carries tokens, so it needs wss: (plain ws: is allowed on loopback only)`,
    })
  return url
}
