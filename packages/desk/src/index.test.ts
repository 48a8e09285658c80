import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "catalogue",
      "defineOperation",
      "ErrorBodySchema",
      "createDesk",
      "DeskConfigError",
      "DeskError",
      "DeskInputError",
      "DeskNotFoundError",
      "DeskTimeoutError",
      "RiskRefusedError",
      "createEventLog",
      "createDeskApp",
      "defaultDashboardDir",
      "serveDashboard",
      "toErrorResponse",
      "buildOpenApi",
      "defaultTokenFile",
      "loadOrCreateTokens",
      "clOrdIdForKey",
      "createIdempotencyCache",
      "DEFAULT_RISK_POLICY",
      "resolveRiskPolicy",
      "createRiskGate",
      "DESK_VERSION",
      "startDesk",
    ]
  `)
})
