import { isIP } from 'node:net';
import type { DirectiveSetter } from './HaCfDirective.js';
import type { HaCfState } from './HaCfState.js';
import type { HaCfWord } from './HaCfWord.js';
import type { SourceLocation } from './SourceLocation.js';
import { splitWords, WHITESPACE } from './splitWords.js';

const BAUD_RATES = [9600, 19200, 38400, 57600, 115200, 230400, 460800];

function where(state: HaCfState, column: number): SourceLocation {
  return { file: state.issues.file, line: state.line, column };
}

/** The port or baud a media plugin fixed when its first line was read (heartbeat keeps it in a static). */
function firstUse(state: HaCfState, directive: string, value: number): number {
  let first = state.firstMedia.get(directive);
  if (first === undefined) {
    first = { line: state.line, value, directive };
    state.firstMedia.set(directive, first);
  }
  return first.value;
}

const udpport: DirectiveSetter = (state, value) => {
  const port = Number(value.text);
  if (!/^\d+$/.test(value.text) || port <= 0 || port > 65535) {
    return state.error(value.column, 'CONFIG_BAD_VALUE', `udpport: '${value.text}' is not a port number (1-65535)`);
  }
  // bcast and ucast read udpport once, at their first line; a later udpport leaves them alone.
  for (const first of state.firstMedia.values()) {
    if (first.directive !== 'serial' && first.value !== port) {
      state.warning(
        value.column,
        'CONFIG_ORDER',
        `udpport ${port} comes after '${first.directive}' on line ${first.line}: ${first.directive} media keep port ${first.value}`,
        'Move udpport above every bcast and ucast line.',
      );
    }
  }
  state.udpport = port;
  state.udpportLine = state.line;
  return true;
};

const baud: DirectiveSetter = (state, value) => {
  // Heartbeat counts the line before validating it, so even a bad first baud makes a second one an error.
  if (state.baudSeen) {
    return state.error(value.column, 'CONFIG_DUPLICATE_DIRECTIVE', `baud is given twice (first on line ${state.baudLine})`);
  }
  state.baudSeen = true;
  state.baudLine = state.line;
  const rate = Number(value.text);
  if (!/^\d+$/.test(value.text) || !BAUD_RATES.includes(rate)) {
    return state.error(value.column, 'CONFIG_BAD_VALUE', `baud: '${value.text}' is not a supported rate`, `Use one of ${BAUD_RATES.join(', ')}.`);
  }
  const firstSerial = state.firstMedia.get('serial');
  if (firstSerial !== undefined && firstSerial.value !== rate) {
    state.warning(
      value.column,
      'CONFIG_ORDER',
      `baud ${rate} comes after 'serial' on line ${firstSerial.line}: serial links keep ${firstSerial.value} baud`,
      'Move baud above every serial line.',
    );
  }
  state.baud = rate;
  return true;
};

const bcast: DirectiveSetter = (state, value) => {
  const port = firstUse(state, 'bcast', state.currentUdpport());
  state.media.push({ kind: 'bcast', interface: value.text, port, where: where(state, value.column) });
  return true;
};

const serial: DirectiveSetter = (state, value) => {
  if (!value.text.startsWith('/')) {
    return state.error(value.column, 'CONFIG_BAD_MEDIA', `serial: '${value.text}' is not a full path name`, 'Write the device path, e.g. `serial /dev/ttyS0`.');
  }
  const rate = firstUse(state, 'serial', state.baud);
  state.media.push({ kind: 'serial', device: value.text, baud: rate, where: where(state, value.column) });
  return true;
};

function isMulticast(group: string, kind: 'mcast' | 'mcast6'): boolean {
  if (kind === 'mcast6') return isIP(group) === 6 && /^ff/i.test(group);
  if (isIP(group) !== 4) return false;
  const first = Number(group.split('.')[0]);
  return first >= 224 && first <= 239;
}

function smallInt(text: string, max: number): number | undefined {
  return /^\d+$/.test(text) && Number(text) <= max ? Number(text) : undefined;
}

/** `mcast <if> <group> <port> <ttl 0-4> <loop 0|1>`: all five required, port independent of udpport. */
function mcastSetter(kind: 'mcast' | 'mcast6'): DirectiveSetter {
  return (state, line) => {
    const words = splitWords(line.text, line.column, WHITESPACE);
    const [dev, group, port, ttl, loop] = words;
    if (dev === undefined) {
      state.warning(line.column, 'CONFIG_MISSING_VALUE', `${kind} has no arguments; heartbeat ignores the line`);
      return true;
    }
    const usage = `Write \`${kind} <interface> <group> <port> <ttl 0-4> <loop 0|1>\`.`;
    const missing = (what: string): false =>
      state.error(line.column + line.text.length, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: missing ${what}`, usage);
    if (group === undefined) return missing('multicast group');
    if (!isMulticast(group.text, kind)) {
      const range = kind === 'mcast' ? '224.0.0.0/4' : 'ff00::/8';
      return state.error(group.column, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: '${group.text}' is not a multicast group (${range})`, usage);
    }
    if (port === undefined) return missing('port');
    const portNumber = smallInt(port.text, 65535);
    if (portNumber === undefined || portNumber === 0) {
      return state.error(port.column, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: bad port '${port.text}'`, usage);
    }
    if (ttl === undefined) return missing('ttl');
    const ttlNumber = smallInt(ttl.text, 4);
    if (ttlNumber === undefined) {
      return state.error(ttl.column, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: bad ttl '${ttl.text}' (heartbeat accepts 0-4)`, usage);
    }
    if (loop === undefined) return missing('loop');
    const loopNumber = smallInt(loop.text, 1);
    if (loopNumber === undefined) {
      return state.error(loop.column, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: bad loop '${loop.text}' (0 or 1)`, usage);
    }
    state.media.push({
      kind,
      interface: dev.text,
      group: group.text,
      port: portNumber,
      ttl: ttlNumber,
      loop: loopNumber === 1,
      where: where(state, dev.column),
    });
    return true;
  };
}

/** `ucast <if> <peer>`: one medium per line; the peer is resolved later, by the transport. */
function ucastSetter(kind: 'ucast' | 'ucast6'): DirectiveSetter {
  return (state, line) => {
    const [dev, peer] = splitWords(line.text, line.column, WHITESPACE);
    if (dev === undefined) {
      state.warning(line.column, 'CONFIG_MISSING_VALUE', `${kind} has no arguments; heartbeat ignores the line`);
      return true;
    }
    if (peer === undefined) {
      return state.error(line.column + line.text.length, 'CONFIG_BAD_MEDIA', `${kind} ${dev.text}: missing target IP address or host name`, `Write \`${kind} ${dev.text} <peer address>\`.`);
    }
    const port = firstUse(state, kind, state.currentUdpport());
    state.media.push({ kind, interface: dev.text, peer: peer.text, port, where: where(state, dev.column) });
    return true;
  };
}

function pingSetter(list: 'pingNodes' | 'ping6Nodes'): DirectiveSetter {
  return (state: HaCfState, value: HaCfWord) => {
    state[list].push(value.text.toLowerCase());
    return true;
  };
}

const pingGroup: DirectiveSetter = (state, line) => {
  const [name, ...hosts] = splitWords(line.text, line.column, WHITESPACE);
  if (name === undefined || hosts.length === 0) {
    return state.error(line.column, 'CONFIG_BAD_MEDIA', 'ping_group needs a name and at least one host', 'Write `ping_group <name> <host> [<host> ...]`.');
  }
  state.pingGroups.push({ name: name.text.toLowerCase(), hosts: hosts.map((h) => h.text) });
  return true;
};

export const mediaSetters: Readonly<Record<string, DirectiveSetter>> = {
  udpport,
  baud,
  bcast,
  serial,
  mcast: mcastSetter('mcast'),
  mcast6: mcastSetter('mcast6'),
  ucast: ucastSetter('ucast'),
  ucast6: ucastSetter('ucast6'),
  ping: pingSetter('pingNodes'),
  ping6: pingSetter('ping6Nodes'),
  ping_group: pingGroup,
};
