import type { Desk } from '@kraken-sockets/desk'
import { createRiskGate } from '@kraken-sockets/desk'

/** The operations that accept Kraken's `validate: true` (they place or replace orders). */
export const PREFLIGHTED = new Set(['place_order', 'edit_order', 'batch_add'])

/**
 * The same desk seen in validate mode: an operation run on it sends its
 * request with `validate: true`, so Kraken checks the order and places
 * nothing. It gets its own risk gate so that the preflight does not count
 * against the per-minute limit (the real call counts).
 */
export function validateView(desk: Desk): Desk {
  return Object.create(desk, {
    mode: { value: 'validate', enumerable: true },
    risk: {
      value: createRiskGate(desk.risk.policy, 'validate'),
      enumerable: true,
    },
  }) as Desk
}
