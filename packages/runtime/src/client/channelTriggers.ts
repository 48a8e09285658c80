import type { Connection } from '../connections/connection.js'
import type { HandlerError } from '../errors.js'
import type { DroppedValuesGap } from '../shared/gap.js'
import type { ChannelKey } from '../state/channelKey.js'
import { HandlerRunner } from '../triggers/handlerRunner.js'
import type { TriggerHandler } from '../triggers/triggerKey.js'
import type { TriggerRegistry } from '../triggers/triggerRegistry.js'

/** What a channel handler's queue reports to. */
export interface ChannelHandlerHooks {
  readonly queueSize: number
  readonly onError: (error: HandlerError) => void
  readonly onGap: (gap: DroppedValuesGap) => void
}

/**
 * Registers `push` (synchronous) for both of `key`'s response types, so
 * that it sees the snapshot and the updates in the order they arrived.
 * Returns the remover of both.
 */
export function addChannelSink(
  triggers: TriggerRegistry<Connection>,
  key: ChannelKey,
  push: (value: unknown) => void,
): () => void {
  const offSnapshot = triggers.add(key.snapshot, push)
  const offUpdate = triggers.add(key.update, push)
  return () => {
    offSnapshot()
    offUpdate()
  }
}

/**
 * Registers `handler` for `key`'s snapshot and update types on ONE queue:
 * two registrations would each have their own, and an async handler still
 * busy with the snapshot would already be called with the next update.
 * Values go straight through while the handler is idle, as a trigger's do;
 * a slow handler drops its oldest (a `gap`). Returns the remover.
 */
export function addChannelHandler(
  triggers: TriggerRegistry<Connection>,
  key: ChannelKey,
  handler: TriggerHandler<never>,
  hooks: ChannelHandlerHooks,
): () => void {
  if (typeof handler !== 'function') {
    throw new TypeError(`The handler for ${key.name} must be a function.`)
  }
  const runner = new HandlerRunner({
    key: { kind: 'family', name: key.name },
    handler: handler as TriggerHandler<unknown>,
    queueSize: hooks.queueSize,
    hooks: {
      onError: hooks.onError,
      onGap: hooks.onGap,
      onBusy: () => {},
      onIdle: () => {},
    },
  })
  const offSnapshot = triggers.add(key.snapshot, (value: unknown) =>
    runner.deliver(key.snapshot, value),
  )
  const offUpdate = triggers.add(key.update, (value: unknown) =>
    runner.deliver(key.update, value),
  )
  return () => {
    offSnapshot()
    offUpdate()
    runner.remove()
  }
}
