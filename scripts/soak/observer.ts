import type { Simulator } from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

/** An open order as the exchange holds it. */
export type ExchangeOrder = {
  readonly order_id: string
  readonly cl_ord_id: string | undefined
}

const OPEN_STATUSES = new Set(['pending_new', 'new', 'partially_filled'])

/**
 * The exchange's truth about open orders, asked on a connection of its own
 * (fresh, so no fault of the client's connections touches it): an
 * `executions` snapshot with `snap_orders`.
 */
export function exchangeOpenOrders(
  simulator: Simulator,
  timeout = 5_000,
): Promise<ExchangeOrder[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(simulator.privateUrl)
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error('the observer got no executions snapshot'))
    }, timeout)
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('open', () => {
      socket.send(
        JSON.stringify({
          method: 'subscribe',
          params: {
            channel: 'executions',
            snap_orders: true,
            snap_trades: false,
            token: simulator.issueToken(),
          },
        }),
      )
    })
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as {
        channel?: string
        type?: string
        data?: Array<{
          order_id?: string
          cl_ord_id?: string
          order_status?: string
        }>
      }
      if (frame.channel !== 'executions' || frame.type !== 'snapshot') return
      clearTimeout(timer)
      socket.terminate()
      resolve(
        (frame.data ?? [])
          .filter((o) => OPEN_STATUSES.has(String(o.order_status)))
          .map((o) => ({
            order_id: String(o.order_id),
            cl_ord_id: o.cl_ord_id,
          })),
      )
    })
  })
}

/**
 * The subscriptions the exchange holds for the client, per endpoint, as
 * sorted lists of keys (`book:BTC/USD`, ...), from its open connections.
 */
export function exchangeSubscriptions(
  simulator: Simulator,
): Record<string, string[]> {
  const byEndpoint: Record<string, string[]> = {}
  for (const connection of simulator.connections()) {
    if (!connection.isOpen) continue
    const keys = byEndpoint[connection.endpoint] ?? []
    keys.push(...connection.subscriptions.keys())
    byEndpoint[connection.endpoint] = keys
  }
  // Sorted endpoints and keys: the same holdings always print the same.
  return Object.fromEntries(
    Object.entries(byEndpoint)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([endpoint, keys]) => [endpoint, keys.sort()]),
  )
}
