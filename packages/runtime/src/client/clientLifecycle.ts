import type {
  SubscriptionRequest,
  SubscriptionResponse,
} from '@kraken-sockets/schema'
import { ClientStoppedError } from '../errors.js'
import { settleWithin } from '../shared/settleWithin.js'
import type { ClientCore } from './clientCore.js'
import type { RunOptions } from './clientTypes.js'
import { plainCause } from './connectionLog.js'

/** How long `stop()` waits for Kraken's unsubscribe acks (ms). */
const STOP_UNSUBSCRIBE_WAIT = 1_000
/** How long `stop()` waits for user tasks to end (ms). */
const STOP_TASK_WAIT = 5_000

type Running = {
  promise: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
  cleanup: () => void
  /** Why `run()` rejects instead of resolving, once set. */
  failure?: Error
}

/**
 * A client's run and stop: `run()` starts the user tasks and the initial
 * subscriptions and resolves on `stop()`; `stop()` disarms the dead man's
 * switch, unsubscribes what is live (briefly), then settles and closes
 * everything.
 */
export class ClientLifecycle {
  #core: ClientCore
  #running: Running | undefined
  #stopping: Promise<void> | undefined
  /** Set by the first `stop()`: a stopped client stays stopped. */
  #stopped = false
  #lifetime = new AbortController()

  constructor(core: ClientCore) {
    this.#core = core
    core.onGiveUp((error) => this.#giveUp(error))
  }

  /**
   * A socket spent `reconnect.attempts`: the client stops and `run()`
   * rejects with the error (its `cause` is the last failure).
   */
  #giveUp(error: Error): void {
    const running = this.#running
    if (running === undefined || running.failure !== undefined) return
    running.failure = error
    this.#core.logger.log(
      `${error.message} Last failure: ${plainCause(error.cause)}. The client stops; run() rejects.`,
      'error',
    )
    void this.stop()
  }

  /** Aborted (with `ClientStoppedError`) when the client stops; renewed after. */
  get signal(): AbortSignal {
    return this.#lifetime.signal
  }

  /** @throws {ClientStoppedError} once `stop()` was called. */
  checkActive(operation: string): void {
    if (this.#stopped) throw new ClientStoppedError({ operation, after: true })
  }

  /** Starts the tasks and subscribes each request with `subscribe`. */
  run(
    subscriptions: readonly SubscriptionRequest[],
    options: RunOptions,
    subscribe: (
      request: SubscriptionRequest,
    ) => Promise<SubscriptionResponse[]>,
  ): Promise<void> {
    if (this.#stopped) {
      return Promise.reject(
        new ClientStoppedError({ operation: 'run()', after: true }),
      )
    }
    if (this.#running !== undefined) return this.#running.promise
    const { signal } = options
    let resolve = () => {}
    let reject: (error: unknown) => void = () => {}
    const promise = new Promise<void>((done, fail) => {
      resolve = done
      reject = fail
    })
    const onAbort = () => void this.stop()
    signal?.addEventListener('abort', onAbort, { once: true })
    this.#running = {
      promise,
      resolve,
      reject,
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    }
    const { tasks, logger, reportError } = this.#core
    tasks.start()
    for (const request of subscriptions) {
      subscribe(request).then(
        (acks) => {
          for (const ack of acks) {
            if (ack.success === false) {
              logger.log('Subscription failed.', 'warning', {
                channel: request.params.channel,
                symbol: ack.symbol,
                error: ack.error,
              })
            }
          }
        },
        (error: unknown) =>
          reportError(error as Parameters<typeof reportError>[0]),
      )
    }
    if (signal?.aborted === true) void this.stop()
    return promise
  }

  /** Stops once; concurrent calls share the same promise. */
  stop(): Promise<void> {
    this.#stopped = true
    this.#stopping ??= this.#shutdown().finally(() => {
      this.#stopping = undefined
    })
    return this.#stopping
  }

  async #shutdown(): Promise<void> {
    const core = this.#core
    this.#lifetime.abort(new ClientStoppedError({ operation: 'the stream' }))
    const disarming = core.deadMansSwitch.disarm()
    if (disarming !== undefined) {
      await settleWithin(disarming, STOP_UNSUBSCRIBE_WAIT)
    }
    const unsubscribing: Promise<unknown>[] = []
    for (const connection of core.pool.all()) {
      if (!connection.isOpen) continue
      for (const params of core.subscriptions.liveRequests(
        connection.endpoint,
      )) {
        unsubscribing.push(
          core.subscriptions
            .exchange(connection.endpoint, 'unsubscribe', params)
            .catch(() => {}),
        )
      }
    }
    if (unsubscribing.length > 0) {
      await settleWithin(Promise.all(unsubscribing), STOP_UNSUBSCRIBE_WAIT)
    }
    core.books.stop()
    core.desk.stop()
    core.state.stop()
    core.subscriptions.stop()
    await core.pool.closeAll()
    // After the sockets closed, so their last frames and closes are on it.
    await core.closeRecording()
    await core.tasks.stop(STOP_TASK_WAIT)
    core.systems.clear()
    this.#lifetime = new AbortController()
    const running = this.#running
    this.#running = undefined
    running?.cleanup()
    if (running?.failure === undefined) running?.resolve()
    else running.reject(running.failure)
  }
}
