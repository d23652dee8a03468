import type { DirectiveSetter } from './HaCfDirective.js';
import type { HaCfState } from './HaCfState.js';
import type { HaCfWord } from './HaCfWord.js';
import { splitWords, WHITESPACE } from './splitWords.js';

// Whole-line directives: heartbeat hands them the rest of the line and splits it on whitespace only.

/** `stonith <type> <configfile>`: the file is the rest of the line. */
const stonith: DirectiveSetter = (state, line) => {
  const [type] = splitWords(line.text, line.column, WHITESPACE);
  if (type === undefined) return state.error(line.column, 'CONFIG_BAD_VALUE', 'stonith: no STONITH type given', 'Write `stonith <type> <config file>`.');
  const configFile = line.text.slice(type.column - line.column + type.text.length).trim();
  if (configFile === '') {
    return state.error(type.column, 'CONFIG_BAD_VALUE', `stonith ${type.text}: no configuration file given`, 'Write `stonith <type> <config file>`; the file\'s first line holds the parameters.');
  }
  state.stonith.push({ type: type.text, configFile, where: state.at(type.column) });
  return true;
};

/**
 * `stonith_host <host|*> <type> <params...>`: heartbeat keeps only lines for itself or `*`; we keep
 * all (the node name is known at start) and pick there, the last that applies winning.
 */
const stonithHost: DirectiveSetter = (state, line) => {
  const [host, type] = splitWords(line.text, line.column, WHITESPACE);
  const usage = 'Write `stonith_host <host|*> <type> <parameters>`.';
  if (host === undefined) return state.error(line.column, 'CONFIG_BAD_VALUE', 'stonith_host: no host name given', usage);
  if (type === undefined) return state.error(line.column, 'CONFIG_BAD_VALUE', `stonith_host ${host.text}: no STONITH type given`, usage);
  const params = line.text.slice(type.column - line.column + type.text.length).trim();
  state.stonithHost.push({ host: host.text.toLowerCase(), type: type.text, params, where: state.at(type.column) });
  return true;
};

/** `apiauth <client> [uid=a,b] [gid=c,d]`, at least one list, each at most once, one line per client. */
const apiauth: DirectiveSetter = (state, line) => {
  const [client, ...rest] = splitWords(line.text, line.column, WHITESPACE);
  const usage = 'Write `apiauth <client> uid=<user>[,<user>] gid=<group>[,<group>]` (either list may be left out, not both).';
  if (client === undefined) return state.error(line.column, 'CONFIG_BAD_VALUE', 'apiauth: no client name given', usage);
  let uids: string[] | undefined;
  let gids: string[] | undefined;
  for (const word of rest) {
    const list = /^(uid|gid)=(.*)$/.exec(word.text);
    if (list === null) return state.error(word.column, 'CONFIG_BAD_VALUE', `apiauth ${client.text}: '${word.text}' is not uid=... or gid=...`, usage);
    const names = (list[2] ?? '').split(',').filter((n) => n !== '');
    if (list[1] === 'uid') {
      if (uids !== undefined) return state.error(word.column, 'CONFIG_BAD_VALUE', `apiauth ${client.text}: duplicate uid list`, usage);
      uids = names;
    } else {
      if (gids !== undefined) return state.error(word.column, 'CONFIG_BAD_VALUE', `apiauth ${client.text}: duplicate gid list`, usage);
      gids = names;
    }
  }
  if (uids === undefined && gids === undefined) {
    return state.error(client.column, 'CONFIG_BAD_VALUE', `apiauth ${client.text}: neither uid= nor gid= given`, usage);
  }
  if (state.apiauth.some((a) => a.client === client.text)) {
    return state.error(client.column, 'CONFIG_DUPLICATE_DIRECTIVE', `apiauth for client '${client.text}' is given twice`);
  }
  state.apiauth.push({ client: client.text, uids: uids ?? [], gids: gids ?? [] });
  return true;
};

/** `respawn|failfast <user> </abs/path> [args]`; the user and the file are checked when the daemon starts. */
function childSetter(directive: 'respawn' | 'failfast'): DirectiveSetter {
  return (state: HaCfState, line: HaCfWord) => {
    const [user, ...command] = splitWords(line.text, line.column, WHITESPACE);
    const usage = `Write \`${directive} <user> </absolute/path> [arguments]\`.`;
    if (user === undefined) return state.error(line.column, 'CONFIG_BAD_VALUE', `${directive}: no user given`, usage);
    const path = command[0];
    if (path === undefined || !path.text.startsWith('/')) {
      const column = path?.column ?? line.column + line.text.length;
      return state.error(column, 'CONFIG_BAD_VALUE', `${directive} ${user.text}: command '${path?.text ?? ''}' is not a full path name`, usage);
    }
    state[directive].push({ user: user.text, command: command.map((w) => w.text) });
    return true;
  };
}

export const lineSetters: Readonly<Record<string, DirectiveSetter>> = {
  stonith,
  stonith_host: stonithHost,
  apiauth,
  respawn: childSetter('respawn'),
  failfast: childSetter('failfast'),
};
