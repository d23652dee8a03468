import 'reflect-metadata';

export type { Clock, Timer } from './time/Clock.js';
export { SystemClock } from './time/SystemClock.js';
export { ManualClock } from './time/ManualClock.js';

export { HaError, isHaError, type HaErrorOptions } from './errors/HaError.js';
export { errorCatalogue, type ErrorCode, type ErrorSpec } from './errors/errorCatalogue.js';

export type { Logger, LogSink, LogRecord, LogLevel, LogFields } from './log/Logger.js';
export { StructuredLogger } from './log/StructuredLogger.js';
export { MemorySink } from './log/MemorySink.js';
export { HeartbeatFileSink, type HeartbeatFileSinkOptions } from './log/HeartbeatFileSink.js';
export { SyslogSink, type SyslogSinkOptions } from './log/SyslogSink.js';
export type { LoggerProcess, LoggerSpawner } from './log/LoggerProcess.js';
export { spawnLoggerProcess } from './log/spawnLoggerProcess.js';
export { formatHeartbeatLine, HEARTBEAT_LEVEL_NAMES, type HeartbeatLineOptions } from './log/formatHeartbeatLine.js';
export { createLogSinks, type CreateLogSinksOptions, type LogTargets } from './log/createLogSinks.js';

export type { Transport, FrameListener, MediumEvent, WireFormat } from './transport/Transport.js';
export type { TransportFactory, TransportContext } from './transport/TransportFactory.js';
export type { MediaSpec, MediaKind } from './config/MediaSpec.js';
export type { SourceLocation } from './config/SourceLocation.js';

// configuration: ha.cf, haresources, authkeys (issue 3)
export type { HaCf, AutoFailback, ProgramSpec, ApiAuth } from './config/HaCf.js';
export type { AuthKeys, AuthKeySlot } from './config/AuthKeys.js';
export type { ConfigIssue, IssueSeverity } from './config/ConfigIssue.js';
export type { HaResourceGroup } from './config/HaResourceGroup.js';
export type { HeartlineCf, MonitorRule, MonitorOverrides } from './config/HeartlineCf.js';
export type { ResourceRef } from './config/ResourceRef.js';
export type { ConfigDir } from './config/ConfigDir.js';
export type { HaCfDirective, DirectiveSupport } from './config/HaCfDirective.js';
export { parseHaCf, type HaCfParseResult } from './config/parseHaCf.js';
export { parseHaResources, type HaResourcesParseResult } from './config/parseHaResources.js';
export { parseAuthKeys, AUTH_SLOTS, type AuthKeysParseResult } from './config/parseAuthKeys.js';
export { readAuthKeysFile, type KeyFileOwnerOptions } from './config/readAuthKeysFile.js';
export { loadConfigDir } from './config/loadConfigDir.js';
export { haCfDirectives } from './config/haCfDirectives.js';
export { parseHeartbeatTime } from './config/parseHeartbeatTime.js';
export { parseDuration } from './config/parseDuration.js';
export { parseHeartbeatBoolean } from './config/parseHeartbeatBoolean.js';
export { formatIssue } from './config/formatIssue.js';
export { syslogFacilityCode, syslogFacilityNames } from './log/syslogFacilityCode.js';

// wire codec and authentication (issue 4)
export { HaMessage } from './wire/HaMessage.js';
export { fieldTypeDigit, type HaField, type HaFieldType } from './wire/HaField.js';
export type { DecodeResult, DecodeFailureReason, NetstringTrailer } from './wire/DecodeResult.js';
export { wireLimits } from './wire/wireLimits.js';
export { encodeNetstring } from './wire/encodeNetstring.js';
export { encodeClassic } from './wire/encodeClassic.js';
export { classicAuthText } from './wire/classicAuthText.js';
export { decodeMessage } from './wire/decodeMessage.js';
export type { Authenticator } from './auth/Authenticator.js';
export { createAuthenticator } from './auth/createAuthenticator.js';
export { crc32Posix } from './auth/crc32Posix.js';
export { WireAuth, type SealUdpOptions } from './auth/WireAuth.js';
export type { OpenResult, OpenFailureReason } from './auth/OpenResult.js';
export { formatFieldLines } from './wire/formatFieldLines.js';
export { escapeBytesC } from './wire/escapeBytesC.js';
export { readPcap, isPcap } from './wire/pcap/readPcap.js';
export type { PcapRecord } from './wire/pcap/PcapRecord.js';
export { parseUdpFrame } from './wire/pcap/parseUdpFrame.js';
export type { UdpDatagram } from './wire/pcap/UdpDatagram.js';

// membership, the node and transport plugins (issue 5)
export { Membership } from './membership/Membership.js';
export type { MembershipOptions, MembershipTimings } from './membership/MembershipOptions.js';
export type { MembershipEvent } from './membership/MembershipEvent.js';
export type { MembershipSnapshot } from './membership/MembershipSnapshot.js';
export { heartbeatConstants } from './membership/heartbeatConstants.js';
export { formatUuid } from './wire/formatUuid.js';
export { uuidFromNodename } from './membership/uuidFromNodename.js';
export { ClusterNode } from './node/ClusterNode.js';
export type { ClusterNodeOptions } from './node/ClusterNodeOptions.js';
export type { ClusterNodeStatus } from './node/ClusterNodeStatus.js';
export type { PacketRefusals } from './node/PacketRefusals.js';
export { nodeTokens } from './node/nodeTokens.js';
export { resolveNodeName } from './node/resolveNodeName.js';
export type { TransportProvider } from './transport/TransportProvider.js';
export { StaticTransportProvider } from './transport/StaticTransportProvider.js';
export type { PluginDescriptor } from './plugins/PluginDescriptor.js';
export type { HeartlineManifest } from './plugins/HeartlineManifest.js';
export { PluginTransportRegistry } from './plugins/PluginTransportRegistry.js';
export { validateMedia } from './transport/validateMedia.js';
export { pluginApiVersion } from './plugins/pluginApiVersion.js';
export { validateManifest } from './plugins/validateManifest.js';

// resource agents and groups (the resource layer)
export type { AgentResult, ResourceOperation } from './resources/AgentResult.js';
export { describeResult } from './resources/AgentResult.js';
export type { AgentContext } from './resources/AgentContext.js';
export type { CommandRunner, CommandRequest, CommandOutcome } from './resources/CommandRunner.js';
export { ExecaCommandRunner, type ExecaCommandRunnerOptions } from './resources/ExecaCommandRunner.js';
export type { ResourceAgent, ValidateContext } from './resources/ResourceAgent.js';
export type { ResourceInstance } from './resources/ResourceInstance.js';
export type { AgentProvider } from './resources/AgentProvider.js';
export { StaticAgentProvider } from './resources/StaticAgentProvider.js';
export { PluginAgentRegistry } from './plugins/PluginAgentRegistry.js';
export { GroupActivator, type GroupActivatorOptions } from './resources/GroupActivator.js';
export type { GroupOutcome } from './resources/GroupOutcome.js';
export { defaultOperationTimeouts, type OperationTimeouts } from './resources/OperationTimeouts.js';
export type { ResourceLayerOptions } from './resources/ResourceLayerOptions.js';
export { resourceScriptEnv } from './resources/resourceScriptEnv.js';
export { isExecutableFile } from './resources/isExecutableFile.js';
export { runResourceScript } from './resources/runResourceScript.js';
export { runLogged } from './resources/runLogged.js';
export type { LoggedCommand } from './resources/LoggedCommand.js';
export { scriptStatus } from './resources/scriptStatus.js';
export { formatRunning } from './resources/formatRunning.js';
export { unfinishedResult } from './resources/unfinishedResult.js';
export { lastOutputLine } from './resources/lastOutputLine.js';
export { refusedResult } from './resources/refusedResult.js';
export { agentResults } from './resources/agentResults.js';
export { scriptResult } from './resources/scriptResult.js';
export { parseResourceArgs } from './resources/parseResourceArgs.js';
export type { ResourceArgSpec, ResourceArgsSpec } from './resources/ResourceArgsSpec.js';
export type { ParsedResourceArgs } from './resources/ParsedResourceArgs.js';
export { resourceIssue } from './resources/resourceIssue.js';
// ha agent test: an agent run through what the daemon asks of it (issue 20)
export { checkAgentConformance, CONFORMANCE_MARK } from './resources/conformance/checkAgentConformance.js';
export type { ConformanceOptions } from './resources/conformance/ConformanceOptions.js';
export type { ConformanceReport } from './resources/conformance/ConformanceReport.js';
export type { ConformanceCheck, ConformanceCheckId, ConformanceVerdict } from './resources/conformance/ConformanceCheck.js';
export type { ConformanceOperation } from './resources/conformance/ConformanceOperation.js';
export { conformanceChecks } from './resources/conformance/conformanceChecks.js';
export { FailoverCoordinator, type FailoverCoordinatorOptions, type GroupOperations } from './failover/FailoverCoordinator.js';
export type { FailoverStatus, GroupMonitorStatus } from './failover/FailoverStatus.js';
export { failoverMessages } from './failover/failoverMessages.js';
export { validateResources } from './resources/validateResources.js';
export { monitorSpecFor } from './monitor/monitorSpecFor.js';
export type { MonitorSpec } from './monitor/MonitorSpec.js';

