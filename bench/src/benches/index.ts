import type { Bench } from '../runner/types.js'
import { decodeBenches } from './decode.js'

/** Every bench `pnpm --filter bench bench` runs; add yours here. */
export const benches: readonly Bench[] = [...decodeBenches]
