import { type KV, Kvm } from '@nats-io/kv'
import type { NatsConnection } from '@nats-io/transport-node'

/** Options of symbol leases (`startGateway({ leases })`). */
export interface LeaseOptions {
  /** KV bucket holding the leases. @default 'KRAKEN_GATEWAY_LEASES' */
  bucket?: string | undefined
  /**
   * How long a lease outlives its owner's last refresh (ms): the bucket's
   * TTL. Owners refresh every third of it. @default 3_000
   */
  ttl?: number | undefined
  /** This gateway's name in the leases. @default a random id */
  owner?: string | undefined
  /** KV replicas (a cluster). @default 1 */
  replicas?: number | undefined
}

/**
 * Which gateway serves each channel and symbol: one lease per key in a NATS
 * KV bucket whose TTL expires the leases of a gateway that stopped
 * refreshing them. A gateway wants keys (demanded or configured); it owns
 * those it created, refreshes them, and keeps trying to create the others,
 * so when an owner dies another takes its keys over and `onAcquire` runs.
 */
export class Leases {
  readonly owner: string
  readonly #kv: KV
  readonly #owned = new Map<string, number>()
  readonly #wanted = new Set<string>()
  readonly #onAcquire: (key: string) => void
  readonly #onLose: (key: string) => void
  readonly #timer: ReturnType<typeof setInterval>
  #stopped = false

  private constructor(
    kv: KV,
    owner: string,
    ttl: number,
    onAcquire: (key: string) => void,
    onLose: (key: string) => void,
  ) {
    this.#kv = kv
    this.#onLose = onLose
    this.owner = owner
    this.#onAcquire = onAcquire
    this.#timer = setInterval(() => void this.#tick(), Math.max(50, ttl / 3))
  }

  /** Opens (or creates) the bucket and starts refreshing. */
  static async open(
    nc: NatsConnection,
    options: LeaseOptions,
    onAcquire: (key: string) => void,
    onLose: (key: string) => void,
  ): Promise<Leases> {
    const ttl = options.ttl ?? 3_000
    const kv = await new Kvm(nc).create(
      options.bucket ?? 'KRAKEN_GATEWAY_LEASES',
      { ttl, history: 1, replicas: options.replicas ?? 1 },
    )
    return new Leases(
      kv,
      options.owner ?? `gateway-${Math.random().toString(36).slice(2, 10)}`,
      ttl,
      onAcquire,
      onLose,
    )
  }

  /** Keys this gateway owns now. */
  get owned(): readonly string[] {
    return [...this.#owned.keys()]
  }

  /**
   * Wants `key`: resolves true when this gateway owns it (now or already),
   * false when another gateway does (this one stands by to take it over).
   */
  async want(key: string): Promise<boolean> {
    this.#wanted.add(key)
    if (this.#owned.has(key)) return true
    return this.#tryCreate(key)
  }

  /** Stops refreshing and gives the owned leases up, so others take over at once. */
  async stop(): Promise<void> {
    this.#stopped = true
    clearInterval(this.#timer)
    await Promise.all(
      [...this.#owned.keys()].map((key) =>
        this.#kv.delete(key).catch(() => undefined),
      ),
    )
    this.#owned.clear()
  }

  /** Stops refreshing without giving the leases up, as a crashed gateway would. */
  abandon(): void {
    this.#stopped = true
    clearInterval(this.#timer)
  }

  async #tryCreate(key: string): Promise<boolean> {
    try {
      const revision = await this.#kv.create(key, this.owner)
      if (this.#stopped) return false
      this.#owned.set(key, revision)
      return true
    } catch {
      return false
    }
  }

  async #tick(): Promise<void> {
    for (const [key, revision] of this.#owned) {
      try {
        this.#owned.set(key, await this.#kv.update(key, this.owner, revision))
      } catch {
        // Lost it (expired while NATS was away, and someone else took it):
        // stop serving it, or two gateways would publish the same subject.
        this.#owned.delete(key)
        this.#onLose(key)
      }
    }
    for (const key of this.#wanted) {
      if (this.#stopped || this.#owned.has(key)) continue
      if (await this.#tryCreate(key)) this.#onAcquire(key)
    }
  }
}
