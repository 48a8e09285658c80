import { createDeadMansSwitch, type DeadMansSwitch } from './deadMansSwitch.js'

/** Options of `kraken.deadMansSwitch(options)`. */
export interface DeadMansSwitchOptions {
  /** Seconds without a refresh after which Kraken cancels every order. @default 60 */
  timeout?: number | undefined
  /** Seconds between refreshes; below `timeout`. @default 20 */
  every?: number | undefined
  /** Seconds before a scheduled maintenance at which the switch disarms. @default 60 */
  maintenanceLead?: number | undefined
}

/** Options of {@link createDeadMansSwitchSlot}. */
export interface DeadMansSwitchSlotConfig {
  /** Sends `cancel_all_orders_after` with `timeout`. */
  readonly send: (timeout: number) => Promise<unknown>
  /** A call failed (the switch keeps its schedule). */
  readonly onError: (cause: unknown, timeout: number) => void
}

/** The client's one dead man's switch: armed, replaced, told of maintenance, disarmed. */
export interface DeadMansSwitchSlot {
  /** Arms a new switch; a previous one stops (without waiting for its disarm). */
  arm(options: DeadMansSwitchOptions): DeadMansSwitch
  /** Maintenance starts at `startsAt` (ms since the epoch). */
  scheduleMaintenance(startsAt: number): void
  /** Stops and disarms the current switch; `undefined` when there is none. */
  disarm(): Promise<void> | undefined
}

/** Creates the slot that holds the client's dead man's switch. */
export function createDeadMansSwitchSlot(
  config: DeadMansSwitchSlotConfig,
): DeadMansSwitchSlot {
  let current: DeadMansSwitch | undefined
  return {
    arm(options) {
      const previous = current
      const dms = createDeadMansSwitch({
        ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
        ...(options.every === undefined ? {} : { every: options.every }),
        ...(options.maintenanceLead === undefined
          ? {}
          : { maintenanceLead: options.maintenanceLead }),
        send: config.send,
        onError: config.onError,
      })
      current = dms
      if (previous !== undefined && previous.state !== 'stopped') {
        // Replaced without a disarm: the new switch re-arms at once.
        void previous.stop()
      }
      dms.start()
      return dms
    },
    scheduleMaintenance(startsAt) {
      current?.scheduleMaintenance(startsAt)
    },
    disarm() {
      const dms = current
      current = undefined
      return dms?.stop()
    },
  }
}
