import type { AuthHook } from './authHook.js'
import type { BookFeed } from './channels/bookFeed.js'
import type { Level3Feed } from './channels/level3Book.js'
import type { ChannelDefinition } from './channels/types.js'
import type { SystemStatus } from './exchange/types.js'
import type { SessionFaults } from './faults/types.js'
import type { AssetSpec, PairSpec } from './market/instruments.js'
import type { Market } from './market/market.js'
import type { MethodDefinition } from './methods/types.js'
import type { Recorder } from './recording/recorder.js'
import type { Timers } from './server/timers.js'
import type { Hub } from './session/hub.js'
import type { SessionHandle } from './session/types.js'
import type { StatsRecorder } from './stats/stats.js'

/** Switches for behaviour SPEC.md marks as unsure. */
export type Compatibility = {
  /**
   * Whether `subscribe` to `heartbeat` is accepted (ack) or rejected.
   * @default 'reject'
   */
  readonly heartbeatSubscription: 'accept' | 'reject'
  /**
   * The `version` field of status messages.
   * @default '2.0.10'
   */
  readonly statusVersion: string
  /**
   * Whether status messages carry `upcoming_maintenance` and `emergency` (live 2026).
   * @default true
   */
  readonly maintenanceFields: boolean
}

/** The state method and channel handlers share. */
export type SimulatorContext = {
  readonly market: Market
  readonly pairs: ReadonlyMap<string, PairSpec>
  readonly assets: readonly AssetSpec[]
  readonly hub: Hub<SessionHandle & { deliver(frame: string): void }>
  readonly channels: ReadonlyMap<string, ChannelDefinition>
  readonly methods: ReadonlyMap<string, MethodDefinition>
  readonly sessions: ReadonlySet<SessionHandle>
  readonly auth: AuthHook
  readonly timers: Timers
  readonly stats: StatsRecorder
  readonly now: () => number
  readonly compatibility: Compatibility
  /** Lasting faults new connections start with. */
  readonly globalFaults: SessionFaults
  /** The engine status sent to new connections. */
  system: SystemStatus
  /** Whether pre-built frames replace the live feeds (no snapshots are sent). */
  readonly isReplay: boolean
  /** Called after a subscribe was acked (the replay starts on the first one). */
  readonly onSubscribed: (session: SessionHandle) => void
  /** The L2 book (market levels and exchange orders) behind the `book` channel. */
  readonly book: BookFeed
  /** The level3 views (market and exchange orders) behind the `level3` channel. */
  readonly level3: Level3Feed
  /** Records every frame in and out (the `record` option), when set. */
  readonly recorder?: Recorder
}
