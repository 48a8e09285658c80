export { MCP_USAGE, type McpCli, runMcpCli } from './cli/runMcpCli.js'
export {
  AuditLogError,
  KrakenMcpError,
  type McpErrorOptions,
  McpUsageError,
  UnknownResourceError,
} from './errors.js'
export { type McpMountOptions, mcpMount } from './http/mcpMount.js'
export {
  type ExecutionsRecorder,
  recordExecutions,
} from './resources/executionsRecorder.js'
export {
  BOOK_TEMPLATE,
  listResources,
  type ResourceContext,
  type ResourceDefinition,
  readResource,
} from './resources/resources.js'
export {
  type ResourceWatcher,
  type ResourceWatcherOptions,
  watchResources,
} from './resources/resourceWatcher.js'
export {
  type AuditEntry,
  type AuditLog,
  type AuditOutcome,
  defaultAuditLogPath,
  openAuditLog,
} from './safety/auditLog.js'
export {
  type ConfirmationCodes,
  type ConfirmationCodesOptions,
  createConfirmationCodes,
} from './safety/confirmationCodes.js'
export {
  type ConnectOptions,
  createKrakenMcp,
  type KrakenMcp,
  type KrakenMcpOptions,
  MCP_SERVER_VERSION,
} from './server/krakenMcp.js'
export {
  type AskUser,
  callTool,
  type ToolCallContext,
  type ToolResult,
} from './tools/callTool.js'
export {
  DEFAULT_KILL_SWITCH_SECONDS,
  KILL_SWITCH,
  KILL_SWITCH_TOOL,
  type KillSwitchResult,
  runKillSwitch,
} from './tools/killSwitch.js'
export {
  CONFIRM_ARGUMENT,
  needsConfirmation,
  type ToolDefinition,
  toolOf,
  toolsOf,
} from './tools/toolDefinitions.js'
