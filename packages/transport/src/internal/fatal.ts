import { sniffFrame } from './sniffFrame.js'

/** Kraken errors after which retrying the connection cannot help. */
export const DEFAULT_FATAL_ERRORS: readonly string[] = [
  'EAPI:Invalid key',
  'EGeneral:Permission denied',
]

/**
 * Returns the fatal Kraken error a frame reports, if any. A substring test
 * runs first, so ordinary frames are never parsed; a hit is confirmed by
 * parsing, so the error must be the frame's own top-level `error` (a user's
 * text echoed elsewhere in a frame does not count).
 */
export function findFatalError(
  text: string,
  codes: readonly string[],
): string | undefined {
  if (!codes.some((code) => text.includes(code))) return undefined
  const error = sniffFrame(text)?.error
  const messages = Array.isArray(error) ? error : [error]
  for (const message of messages)
    if (
      typeof message === 'string' &&
      codes.some((code) => message.startsWith(code))
    )
      return message
  return undefined
}
