import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "behindGateway",
      "natsTransport",
      "GatewayConfigError",
      "GatewayError",
      "GatewayRequestError",
      "GatewayUnavailableError",
      "DEMAND_CHANNELS",
      "readDemandFrame",
      "startGateway",
      "EPOCH_HEADER",
      "KIND_HEADER",
      "readWireHeaders",
      "SEQ_HEADER",
      "splitFrame",
      "controlSubjects",
      "DEFAULT_PREFIX",
      "DEFAULT_STREAM",
      "dataSubject",
      "snapshotSubject",
      "subjectChannel",
      "symbolToken",
    ]
  `)
})
