import { expectTypeOf, test } from 'vitest'
import type { CatalogueMembers } from './responseCatalogue.js'
import type { ResponseFamily } from './responseType.js'
import type {
  SnapshotResponse,
  TradingResponse,
  UpdateResponse,
} from './responseTypes.js'

type MembersOf<T> = T extends ResponseFamily<string, infer M> ? M : never

test("each family's declared members are the catalogue's family tags", () => {
  expectTypeOf<MembersOf<typeof SnapshotResponse>>().toEqualTypeOf<
    CatalogueMembers<'SnapshotResponse'>
  >()
  expectTypeOf<MembersOf<typeof UpdateResponse>>().toEqualTypeOf<
    CatalogueMembers<'UpdateResponse'>
  >()
  expectTypeOf<MembersOf<typeof TradingResponse>>().toEqualTypeOf<
    CatalogueMembers<'TradingResponse'>
  >()
})
