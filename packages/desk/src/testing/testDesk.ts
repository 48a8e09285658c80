import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'
import { type DeskTokens, loadOrCreateTokens } from '../http/tokens.js'
import type { RunningDesk, StartDeskOptions } from '../startDesk.js'
import { startDesk } from '../startDesk.js'

/** A desk on a fresh simulator, with its tokens, for tests through real HTTP. */
export interface TestDesk {
  readonly simulator: Simulator
  readonly running: RunningDesk
  readonly tokens: DeskTokens
  /** fetch against the desk with the trade token (or `token`). */
  call(
    path: string,
    init?: RequestInit & { token?: string | null },
  ): Promise<Response>
  close(): Promise<void>
}

/** Starts a simulator and a desk on port 0 with a token file in a temporary folder. */
export async function startTestDesk(
  options: StartDeskOptions = {},
): Promise<TestDesk> {
  const simulator = await startSimulator({ seed: 7 })
  const folder = await mkdtemp(join(tmpdir(), 'kraken-desk-'))
  const tokenFile = join(folder, 'tokens.json')
  const running = await startDesk({
    port: 0,
    tokenFile,
    ...options,
    kraken: {
      publicUrl: simulator.publicUrl,
      privateUrl: simulator.privateUrl,
      level3Url: simulator.level3Url,
      restUrl: simulator.restUrl,
      apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
      WebSocket,
      logger: false,
      ...options.kraken,
    },
  })
  const tokens = await loadOrCreateTokens(tokenFile)
  return {
    simulator,
    running,
    tokens,
    call(path, init = {}) {
      const { token = tokens.trade, headers, ...rest } = init
      const all = new Headers(headers)
      if (token !== null) all.set('Authorization', `Bearer ${token}`)
      if (rest.body !== undefined && !all.has('Content-Type'))
        all.set('Content-Type', 'application/json')
      return fetch(`${running.url}${path}`, { ...rest, headers: all })
    },
    async close() {
      await running.close()
      await simulator.close()
      await rm(folder, { recursive: true, force: true })
    },
  }
}
