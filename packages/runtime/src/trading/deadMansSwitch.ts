/** Options of {@link createDeadMansSwitch}. */
export type DeadMansSwitchConfig = {
  /**
   * Seconds Kraken waits after the last call before cancelling every order
   * (`cancel_all_orders_after` `timeout`); 1 to 86399.
   * @default 60
   */
  timeout?: number
  /**
   * Seconds between calls that re-arm the timer; must be below `timeout`.
   * Kraken recommends every 15 to 30 s with a 60 s timeout.
   * @default 20
   */
  every?: number
  /**
   * Sends `cancel_all_orders_after` with this `timeout` (0 disarms) and
   * settles when Kraken answers.
   */
  send: (timeout: number) => Promise<unknown>
  /** Receives each failed call (the switch keeps trying on schedule). */
  onError?: ((error: unknown, timeout: number) => void) | undefined
  /**
   * Seconds before a scheduled maintenance at which the switch disarms, so
   * that orders are not all cancelled when the engine comes back.
   * @default 60
   */
  maintenanceLead?: number
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  now?: () => number
}

/** States of the switch. */
export type DeadMansSwitchState = 'idle' | 'armed' | 'paused' | 'stopped'

/** A running dead man's switch. */
export type DeadMansSwitch = {
  readonly state: DeadMansSwitchState
  /** Arms now, then re-arms every `every` seconds. */
  start(): void
  /** Disarms (sends timeout 0) and keeps quiet until `resume()`. */
  pause(): Promise<void>
  /** Re-arms after a pause. */
  resume(): void
  /**
   * Schedules a disarm `maintenanceLead` seconds before `startsAt` (ms since
   * the epoch); the switch stays paused until `resume()`. A later call
   * replaces the schedule.
   */
  scheduleMaintenance(startsAt: number): void
  /** Stops re-arming and disarms; resolves once the disarm is answered (or failed). */
  stop(): Promise<void>
}

/**
 * Keeps Kraken's `cancel_all_orders_after` armed: every `every` seconds it
 * asks Kraken to cancel all orders if no new call comes within `timeout`
 * seconds, so that a crashed or cut-off bot leaves no orders behind. It
 * disarms (timeout 0) on `stop()`, on `pause()` and before a scheduled
 * maintenance.
 *
 * @throws {RangeError} when `timeout` or `every` is out of range.
 * @example
 * ```ts
 * const dms = createDeadMansSwitch({
 *   timeout: 60,
 *   every: 20,
 *   send: (timeout) => kraken.request(CancelAllOrdersAfterRequest({ timeout })),
 *   onError: (error) => kraken.log(String(error), 'error'),
 * })
 * dms.start()
 * ```
 */
export function createDeadMansSwitch(
  config: DeadMansSwitchConfig,
): DeadMansSwitch {
  const timeout = config.timeout ?? 60
  const every = config.every ?? 20
  const lead = config.maintenanceLead ?? 60
  const now = config.now ?? Date.now
  if (!Number.isInteger(timeout) || timeout < 1 || timeout >= 86_400) {
    throw new RangeError(
      `timeout must be a whole number of seconds from 1 to 86399, got ${timeout}.`,
    )
  }
  if (!(every > 0 && every < timeout)) {
    throw new RangeError(
      `every must be above 0 and below timeout (${timeout} s), got ${every}.`,
    )
  }
  let state: DeadMansSwitchState = 'idle'
  let ticker: ReturnType<typeof setInterval> | undefined
  let maintenanceTimer: ReturnType<typeof setTimeout> | undefined

  async function call(value: number): Promise<void> {
    try {
      await config.send(value)
    } catch (error) {
      config.onError?.(error, value)
    }
  }

  function clearTicker(): void {
    if (ticker !== undefined) clearInterval(ticker)
    ticker = undefined
  }

  function arm(): void {
    state = 'armed'
    clearTicker()
    void call(timeout)
    ticker = setInterval(() => void call(timeout), every * 1000)
  }

  async function disarm(next: DeadMansSwitchState): Promise<void> {
    const wasArmed = state === 'armed'
    state = next
    clearTicker()
    if (wasArmed) await call(0)
  }

  return {
    get state() {
      return state
    },
    start() {
      if (state === 'idle') arm()
    },
    pause: () => (state === 'armed' ? disarm('paused') : Promise.resolve()),
    resume() {
      if (state === 'paused') arm()
    },
    scheduleMaintenance(startsAt) {
      if (maintenanceTimer !== undefined) clearTimeout(maintenanceTimer)
      const delay = Math.max(0, startsAt - lead * 1000 - now())
      maintenanceTimer = setTimeout(() => {
        maintenanceTimer = undefined
        if (state === 'armed') void disarm('paused')
      }, delay)
    },
    async stop() {
      if (maintenanceTimer !== undefined) clearTimeout(maintenanceTimer)
      maintenanceTimer = undefined
      if (state === 'stopped') return
      await disarm('stopped')
    },
  }
}
