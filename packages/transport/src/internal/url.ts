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

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
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
