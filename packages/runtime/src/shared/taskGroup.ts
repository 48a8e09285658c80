import { TaskError } from '../errors.js'
import { settleWithin } from './settleWithin.js'

/** A user task: runs beside the runtime until it ends or `signal` aborts. */
export type UserTask = (signal: AbortSignal) => unknown

/** Options of {@link createTaskGroup}. */
export interface TaskGroupConfig {
  /** Receives task failures (the runtime's `error` event). */
  onError: (error: TaskError) => void
}

/** The runtime's user tasks (`kraken.userTask(task)`). */
export interface TaskGroup {
  /**
   * Adds a task. It starts at once if the group is started, else at the next
   * `start()`. A failure is reported as a `TaskError`, never thrown.
   */
  add(task: UserTask): void
  /** Starts the tasks added so far, and those added from now on. */
  start(): void
  /**
   * Aborts every running task and waits for them to settle, at most
   * `timeout` ms; each task still running then is reported as a
   * `TaskError` with reason `stop-timeout` and left behind (its eventual
   * failure is still caught). Resolves `true` when every task settled.
   */
  stop(timeout: number): Promise<boolean>
  /** Tasks running now. */
  readonly running: number
  /** Tasks added but waiting for `start()`. */
  readonly waiting: number
}

/**
 * Creates a group of user tasks that share one AbortSignal per run.
 *
 * @example
 * ```ts
 * const tasks = createTaskGroup({ onError: (error) => events.emit('error', error) })
 * tasks.add(async (signal) => { while (!signal.aborted) await tick(signal) })
 * tasks.start()
 * await tasks.stop(5_000)
 * ```
 */
export function createTaskGroup(config: TaskGroupConfig): TaskGroup {
  const running = new Map<Promise<void>, string>()
  let waiting: UserTask[] = []
  let controller: AbortController | undefined

  const report = (error: TaskError) => {
    try {
      config.onError(error)
    } catch {
      // Reporting is the runtime's; a failure there must not escape a task.
    }
  }

  const launch = (task: UserTask, signal: AbortSignal) => {
    const name = task.name || 'anonymous'
    const settled = new Promise<unknown>((resolve) => {
      resolve(task(signal))
    }).then(
      () => {},
      (cause: unknown) => {
        // Ending by the group's own abort is a normal stop, not a failure.
        if (signal.aborted && cause === signal.reason) return
        report(new TaskError({ task: name, reason: 'failed', cause }))
      },
    )
    const tracked = settled.finally(() => running.delete(tracked))
    running.set(tracked, name)
  }

  return {
    add(task) {
      if (typeof task !== 'function') {
        throw new TypeError('A user task must be a function.')
      }
      if (controller === undefined) waiting.push(task)
      else launch(task, controller.signal)
    },
    start() {
      if (controller !== undefined) return
      const current = new AbortController()
      controller = current
      const pending = waiting
      waiting = []
      for (const task of pending) launch(task, current.signal)
    },
    async stop(timeout) {
      const current = controller
      controller = undefined
      if (current === undefined) return true
      current.abort(new DOMException('The runtime stopped.', 'AbortError'))
      const tasks = [...running]
      const inTime = await settleWithin(
        Promise.all(tasks.map(([promise]) => promise)),
        timeout,
      )
      if (inTime) return true
      for (const [promise, name] of tasks) {
        if (running.has(promise)) {
          report(new TaskError({ task: name, reason: 'stop-timeout' }))
        }
      }
      return false
    },
    get running() {
      return running.size
    },
    get waiting() {
      return waiting.length
    },
  }
}
