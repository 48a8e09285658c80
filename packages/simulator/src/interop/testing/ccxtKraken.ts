import ccxt from 'ccxt'
import { DEFAULT_TEST_CREDENTIALS } from '../../auth/testCredentials.js'
import type { Simulator } from '../../simulator.js'

/** ccxt's Kraken (with its WebSocket side), as the interop test drives it. */
export type CcxtKraken = InstanceType<typeof ccxt.pro.kraken>

type UrlTree = { [key: string]: string | UrlTree }

/** Every URL in `tree`, rewritten by `to` (ccxt nests its URLs by API). */
function rewrite(
  tree: UrlTree,
  to: (path: string[], url: string) => string,
  path: string[] = [],
): UrlTree {
  const out: UrlTree = {}
  for (const [key, value] of Object.entries(tree))
    out[key] =
      typeof value === 'string'
        ? to([...path, key], value)
        : rewrite(value, to, [...path, key])
  return out
}

/** Every URL string in `tree`. */
export function urlsOf(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree]
  if (typeof tree !== 'object' || tree === null) return []
  return Object.values(tree).flatMap(urlsOf)
}

/**
 * A ccxt `kraken` (pro) whose every API URL points at the simulator on
 * loopback (REST at `restUrl`, v2 sockets at the public and private
 * endpoints, anything else at a path the simulator refuses), signed with
 * the simulator's test credentials: it cannot reach the internet.
 * ccxt refuses plain `ws://` URLs until its HTTP agent is loaded, so this
 * loads it.
 */
export async function ccxtAgainst(simulator: Simulator): Promise<CcxtKraken> {
  const exchange = new ccxt.pro.kraken({
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    secret: DEFAULT_TEST_CREDENTIALS.privateKey,
    enableRateLimit: false,
    timeout: 20_000,
  })
  const api = exchange.urls.api as unknown as UrlTree
  exchange.urls.api = rewrite(api, (path) => {
    const last = path.at(-1)
    if (path[0] === 'ws')
      return last === 'privateV2'
        ? simulator.privateUrl
        : last === 'publicV2'
          ? simulator.publicUrl
          : `${simulator.publicUrl.replace(/\/v2$/, '')}/unused-${last}`
    return last === 'public' || last === 'private'
      ? simulator.restUrl
      : `${simulator.restUrl}/unused-${last}`
  }) as unknown as typeof exchange.urls.api
  await exchange.loadHttpProxyAgent()
  return exchange
}
