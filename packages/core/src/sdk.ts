// @heartline/core/sdk: what a resource agent is written against, the one entry for agent authors.
// Stable for plugin API 1 (`pluginApiVersion`, a plugin's `heartline.apiVersion`): what is here
// keeps its name and meaning, and new members of these interfaces are optional, so an agent
// written against it keeps working on every core of API 1. No tsyringe, no reflect-metadata:
// importing it costs an agent almost nothing. docs/writing-an-agent.md walks through using it.

// The contract: the interface an agent implements and what it is handed.
export type { ResourceAgent, ValidateContext } from './resources/ResourceAgent.js';
export type { ResourceInstance } from './resources/ResourceInstance.js';
export type { ResourceRef } from './config/ResourceRef.js';
export type { AgentContext } from './resources/AgentContext.js';
export type { AgentResult, ResourceOperation } from './resources/AgentResult.js';
export type { ConfigIssue, IssueSeverity } from './config/ConfigIssue.js';
export type { SourceLocation } from './config/SourceLocation.js';
export type { ErrorCode } from './errors/errorCatalogue.js';
export type { Logger, LogFields, LogLevel } from './log/Logger.js';
export type { Clock, Timer } from './time/Clock.js';
export { pluginApiVersion } from './plugins/pluginApiVersion.js';
export { nodeTokens } from './node/nodeTokens.js';

// Results: built, described, and refused with a catalogued code.
export { agentResults } from './resources/agentResults.js';
export { describeResult } from './resources/AgentResult.js';
export { refusedResult } from './resources/refusedResult.js';

// Arguments (`Type::arg::name=value`) and the issues validate reports.
export { parseResourceArgs } from './resources/parseResourceArgs.js';
export type { ResourceArgSpec, ResourceArgsSpec } from './resources/ResourceArgsSpec.js';
export type { ParsedResourceArgs } from './resources/ParsedResourceArgs.js';
export { resourceIssue } from './resources/resourceIssue.js';

// Commands: run through the context's CommandRunner, in their own process group, killed whole at
// the operation's timeout; their exit read as heartbeat reads a resource script's.
export type { CommandRunner, CommandRequest, CommandOutcome } from './resources/CommandRunner.js';
export type { LoggedCommand } from './resources/LoggedCommand.js';
export { runLogged } from './resources/runLogged.js';
export { scriptResult } from './resources/scriptResult.js';
export { unfinishedResult } from './resources/unfinishedResult.js';
export { lastOutputLine } from './resources/lastOutputLine.js';
export { runResourceScript } from './resources/runResourceScript.js';
export { scriptStatus } from './resources/scriptStatus.js';
export { formatRunning } from './resources/formatRunning.js';
export { isExecutableFile } from './resources/isExecutableFile.js';
export { ExecaCommandRunner, type ExecaCommandRunnerOptions } from './resources/ExecaCommandRunner.js';
