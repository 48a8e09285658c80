import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  KRAKEN_PUBLIC_WS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'

/** Where `--paper` keeps the paper account's balances between runs. */
export function defaultPaperAccountFile(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
  return join(base, 'kraken-desk', 'paper-account.json')
}

/** Options of {@link startPaperVenue}. */
export interface PaperVenueOptions {
  /** The upstream public v2 feed the market mirrors. @default Kraken's public feed */
  readonly upstream?: string | undefined
  /** The JSON file of the paper balances. @default {@link defaultPaperAccountFile} */
  readonly paperAccount?: string | undefined
}

/**
 * Starts the paper venue of `kraken-desk --paper`: a local simulator whose
 * book, trades and tickers mirror a live public feed and whose exchange
 * fills orders against that book. Orders never leave the machine; only the
 * public feed is read from upstream. Resolves once every book snapshot came.
 * @throws {LiveMarketError} when the upstream gives no book in time.
 */
export async function startPaperVenue(
  options: PaperVenueOptions = {},
): Promise<Simulator> {
  const paperAccount = options.paperAccount ?? defaultPaperAccountFile()
  // The simulator writes the file but does not create its folder.
  await mkdir(dirname(paperAccount), { recursive: true, mode: 0o700 })
  return startSimulator({
    market: { live: options.upstream ?? KRAKEN_PUBLIC_WS },
    paperAccount,
  })
}
