import type { ResponseType, ResponseValue } from '@kraken-sockets/runtime'
import { decodeMessage } from '@kraken-sockets/schema'

/** Decodes one wire frame as the client would, and checks its response type. */
export function decodeAs<TType extends ResponseType>(
  type: TType,
  frame: object,
): ResponseValue<TType> {
  const result = decodeMessage(JSON.stringify(frame))
  const item = result.ok ? result.responses[0] : undefined
  if (item?.type !== type)
    throw new Error(`Expected a ${type.name}: ${JSON.stringify(result)}`)
  return item.value as ResponseValue<TType>
}
