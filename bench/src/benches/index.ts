import type { Bench } from '../runner/types.js'
import { decodeBenches } from './decode.js'
import { stateBenches } from './state.js'

/** Every bench `pnpm --filter bench bench` runs; add yours here. */
export const benches: readonly Bench[] = [...decodeBenches, ...stateBenches]
