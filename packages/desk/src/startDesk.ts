import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { catalogue } from './catalogue/catalogue.js'
import { createDesk, type Desk, type DeskOptions } from './desk.js'
import { createDeskApp, type DeskMount } from './http/app.js'
import { defaultTokenFile, loadOrCreateTokens } from './http/tokens.js'

/** The desk's version, reported in the OpenAPI document. */
export const DESK_VERSION = '0.0.0'

/** Options of {@link startDesk}. */
export interface StartDeskOptions extends DeskOptions {
  /** Address to bind. @default '127.0.0.1' (loopback only) */
  readonly host?: string | undefined
  /** Port; 0 picks a free one. @default 8787 */
  readonly port?: number | undefined
  /** The token file (created at first start, mode 0600). @default see {@link defaultTokenFile} */
  readonly tokenFile?: string | undefined
  /** The built dashboard's folder (served at /dashboard/). @default dist/dashboard */
  readonly dashboardDir?: string | undefined
  /** Extra Host header values to accept (e.g. a name in /etc/hosts). */
  readonly allowedHosts?: readonly string[] | undefined
  /** Extra endpoints served behind the token and Host/Origin checks (see {@link DeskMount}). */
  readonly mounts?: readonly DeskMount[] | undefined
}

/** A running desk. */
export interface RunningDesk {
  readonly desk: Desk
  /** `http://host:port`. */
  readonly url: string
  readonly port: number
  /** Where the tokens are. */
  readonly tokenFile: string
  /** Stops the HTTP server and the client. */
  close(): Promise<void>
}

/**
 * Creates the desk, connects it (subscriptions and verified books) and
 * serves its HTTP API.
 * @throws {DeskConfigError} on paper mode without a loopback venue, a bad risk policy or token file.
 */
export async function startDesk(
  options: StartDeskOptions = {},
): Promise<RunningDesk> {
  const host = options.host ?? '127.0.0.1'
  const tokens = await loadOrCreateTokens(
    options.tokenFile ?? defaultTokenFile(),
  )
  const desk = createDesk(options)
  try {
    await desk.start()
  } catch (error) {
    await desk.stop()
    throw error
  }
  let port = options.port ?? 8787
  const allowedHosts = () => {
    const names = [
      '127.0.0.1',
      'localhost',
      '[::1]',
      host.includes(':') ? `[${host}]` : host,
    ]
    return [
      ...names.map((name) => `${name}:${port}`),
      ...(options.allowedHosts ?? []),
    ]
  }
  const app = createDeskApp({
    desk,
    catalogue,
    tokens,
    allowedHosts,
    version: DESK_VERSION,
    dashboardDir: options.dashboardDir,
    mounts: options.mounts,
  })
  const server = await new Promise<ReturnType<typeof serve>>(
    (resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: host, port }, () =>
        resolve(s),
      )
      s.once('error', reject)
    },
  ).catch(async (error: unknown) => {
    // The port is taken, or the address cannot be bound: stop the client too.
    await desk.stop()
    throw error
  })
  port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    desk,
    url: `http://${urlHost}:${port}`,
    port,
    tokenFile: tokens.path,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Open event streams would hold the server: end them.
        ;(
          server as { closeAllConnections?: () => void }
        ).closeAllConnections?.()
      })
      for (const mount of options.mounts ?? []) await mount.close?.()
      await desk.stop()
    },
  }
}
