import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "MCP_USAGE",
      "runMcpCli",
      "AuditLogError",
      "KrakenMcpError",
      "McpUsageError",
      "UnknownResourceError",
      "mcpMount",
      "recordExecutions",
      "BOOK_TEMPLATE",
      "listResources",
      "readResource",
      "watchResources",
      "defaultAuditLogPath",
      "openAuditLog",
      "createConfirmationCodes",
      "createKrakenMcp",
      "MCP_SERVER_VERSION",
      "callTool",
      "DEFAULT_KILL_SWITCH_SECONDS",
      "KILL_SWITCH",
      "KILL_SWITCH_TOOL",
      "runKillSwitch",
      "CONFIRM_ARGUMENT",
      "needsConfirmation",
      "toolOf",
      "toolsOf",
    ]
  `)
})
