import {
  DEFAULT_TEST_CREDENTIALS,
  KRAKEN_PUBLIC_WS,
  startSimulator,
} from '@kraken-sockets/simulator'
import { replayTransport } from '@kraken-sockets/tape'
import type { BotArgs } from './args.js'
import type { Venue } from './venue.js'

/**
 * `--paper`: the simulator mirrors a live public feed (Kraken's, or
 * `--paper-upstream`) and its exchange fills the demo order against that
 * book, so the bot sees real prices and trades on paper.
 */
export async function paperVenue(args: BotArgs): Promise<Venue> {
  const upstream = args.paperUpstream ?? KRAKEN_PUBLIC_WS
  const simulator = await startSimulator({
    market: { live: upstream },
    seed: Date.now() % 1_000_000,
  })
  // The simulator's published test keys: they open nothing but a simulator.
  const { apiKey, privateKey } = DEFAULT_TEST_CREDENTIALS
  return {
    label: `paper ${simulator.publicUrl} (live data from ${upstream})`,
    client: {
      publicUrl: simulator.publicUrl,
      privateUrl: simulator.privateUrl,
      level3Url: simulator.level3Url,
      restUrl: simulator.restUrl,
      apiKey,
      privateKey,
    },
    trading: args.trade ? 'simulated' : 'off',
    tradingNote: args.trade ? undefined : '--no-trade',
    close: () => simulator.close(),
  }
}

/**
 * `--replay <tape>`: the bot's client runs over a tape through the replay
 * transport (no venue, no trading: a tape cannot answer orders).
 */
export function replayVenue(tape: string, args: BotArgs): Venue {
  const transport = replayTransport(tape, { speed: args.replaySpeed ?? 1 })
  return {
    label: `replay ${tape}`,
    client: { transport },
    trading: 'off',
    tradingNote: 'a tape cannot trade',
    close: async () => {},
  }
}
