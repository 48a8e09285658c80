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
      "CHANNEL_HEADER",
      "PRIVATE_CHANNELS",
      "startGateway",
      "EPOCH_HEADER",
      "KIND_HEADER",
      "readWireHeaders",
      "SEQ_HEADER",
      "splitFrame",
      "controlSubjects",
      "DEFAULT_ACCOUNT",
      "DEFAULT_PREFIX",
      "DEFAULT_STREAM",
      "dataSubject",
      "privateSubjects",
      "snapshotSubject",
      "subjectChannel",
      "symbolToken",
    ]
  `)
})
