import type { DeskMode } from '@kraken-sockets/desk'

/** What each mode means for the user's money, in words a user and a model both read. */
export const MODE_TEXT: Readonly<Record<DeskMode, string>> = {
  live: 'LIVE mode: orders are real and move real money.',
  paper: 'Paper mode: orders go to a simulated venue; no real money moves.',
  validate: 'Validate mode: Kraken checks every order and places none.',
}
