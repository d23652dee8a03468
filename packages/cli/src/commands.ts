import { VersionInfo } from './commands/VersionInfo.js';
import { ConfigCheck } from './commands/config/ConfigCheck.js';
import { AuthkeysGenerate } from './commands/authkeys/AuthkeysGenerate.js';
import { WireDecode } from './commands/wire/WireDecode.js';
import { Start } from './commands/start/Start.js';
import { Status } from './commands/status/Status.js';
import { StatusNodestatus } from './commands/status/StatusNodestatus.js';
import { StatusHblinkstatus } from './commands/status/StatusHblinkstatus.js';
import { StatusRscstatus } from './commands/status/StatusRscstatus.js';
import { StatusHbstatus } from './commands/status/StatusHbstatus.js';
import { StatusListnodes } from './commands/status/StatusListnodes.js';
import { StatusNodetype } from './commands/status/StatusNodetype.js';
import { StatusListhblinks } from './commands/status/StatusListhblinks.js';
import { Standby } from './commands/standby/Standby.js';
import { Takeover } from './commands/standby/Takeover.js';
import { PluginsList } from './commands/plugins/PluginsList.js';
import { SystemdUnit } from './commands/systemd/SystemdUnit.js';
import { AgentTest } from './commands/agent/AgentTest.js';
import { FenceConfirm } from './commands/fence/FenceConfirm.js';

/** Every command of `ha`, by id (oclif's explicit command strategy: no directory scanning). */
export const commands = {
  'version-info': VersionInfo,
  'config:check': ConfigCheck,
  'authkeys:generate': AuthkeysGenerate,
  'wire:decode': WireDecode,
  start: Start,
  status: Status,
  'status:hbstatus': StatusHbstatus,
  'status:listnodes': StatusListnodes,
  'status:nodestatus': StatusNodestatus,
  'status:nodetype': StatusNodetype,
  'status:listhblinks': StatusListhblinks,
  'status:hblinkstatus': StatusHblinkstatus,
  'status:rscstatus': StatusRscstatus,
  standby: Standby,
  takeover: Takeover,
  plugins: PluginsList,
  'systemd:unit': SystemdUnit,
  'agent:test': AgentTest,
  'fence:confirm': FenceConfirm,
};
