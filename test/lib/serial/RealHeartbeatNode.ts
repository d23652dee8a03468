import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand } from '../runCommand.js';

export const HEARTBEAT_BIN = '/usr/libexec/heartbeat/heartbeat';

/**
 * The real heartbeat 3.0.6 as one node, in namespaces of its own (mount, UTS, IPC, PID, net), with a
 * private /etc/ha.d, /var/lib/heartbeat, /var/log and /run bound from `dir`, as shared/lab does. The
 * root namespace's /etc/ha.d is only read (to copy the stock scripts), never written. Its network
 * namespace has nothing but lo: it talks only over the serial device we give it. Killing the
 * `unshare` (by its pid) kills the namespace's init and with it every process of the node.
 */
export class RealHeartbeatNode {
  private unshare: ChildProcess | undefined;

  constructor(
    readonly dir: string,
    readonly nodeName: string,
  ) {}

  get logPath(): string {
    return join(this.dir, 'var-log', 'ha-log');
  }

  /** Writes the node's private files: ha.cf lines as given, sha1 authkeys, empty haresources. */
  configure(haCf: string, key: string): void {
    const etc = join(this.dir, 'etc-ha.d');
    const lib = join(this.dir, 'var-lib-heartbeat');
    const run = join(this.dir, 'run');
    rmSync(this.dir, { recursive: true, force: true });
    for (const d of [etc, lib, join(this.dir, 'var-log'), run, join(run, 'lock')]) mkdirSync(d, { recursive: true });
    cpSync('/etc/ha.d', etc, { recursive: true });
    for (const f of ['ha.cf', 'authkeys', 'haresources']) rmSync(join(etc, f), { force: true });
    cpSync('/var/lib/heartbeat', lib, { recursive: true });
    for (const f of ['hb_uuid', 'hb_generation', 'hostcache', 'delhostcache', 'fifo']) rmSync(join(lib, f), { force: true });
    const ids = execFileSync('id', ['-u', 'hacluster'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'hacluster'], { encoding: 'utf8' }).trim();
    for (const d of ['heartbeat', 'heartbeat/ccm', 'heartbeat/crm', 'heartbeat/dopd', 'crm']) {
      mkdirSync(join(run, d), { recursive: true });
      chownSync(join(run, d), Number(ids), Number(gid));
      chmodSync(join(run, d), 0o750);
    }
    chmodSync(join(run, 'lock'), 0o1777);
    writeFileSync(join(etc, 'ha.cf'), haCf);
    writeFileSync(join(etc, 'authkeys'), `auth 1\n1 sha1 ${key}\n`, { mode: 0o600 });
    writeFileSync(join(etc, 'haresources'), '');
    writeFileSync(join(this.dir, 'reboot-stub'), '#!/bin/sh\necho "reboot stub: $0 $*" >> /var/log/reboot-stub.log\nkill -TERM 1\n', { mode: 0o755 });
  }

  async start(): Promise<void> {
    const d = this.dir;
    const script = [
      'set -e',
      `hostname ${this.nodeName}`,
      `mount --bind ${d}/etc-ha.d /etc/ha.d`,
      `mount --bind ${d}/var-lib-heartbeat /var/lib/heartbeat`,
      `mount --bind ${d}/var-log /var/log`,
      `mount --bind ${d}/run /run`,
      // What a failing resource script would run: only ever this node's stub, never the host's.
      `for f in $(readlink -f /sbin/reboot /sbin/halt /sbin/poweroff /sbin/shutdown | sort -u); do mount --bind ${d}/reboot-stub "$f"; done`,
      'ip link set lo up',
      HEARTBEAT_BIN,
      ': > /run/hbl-ready',
      `exec perl -e '$SIG{TERM} = sub { kill "TERM", -1; sleep 1; kill "KILL", -1; exit 0 }; while (1) { my $p = waitpid(-1, 0); sleep 1 if $p <= 0; }'`,
    ].join('\n');
    this.unshare = spawn(
      'unshare',
      ['--mount', '--uts', '--ipc', '--pid', '--net', '--fork', '--kill-child', '--mount-proc', '--propagation', 'private', 'sh', '-c', script],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const readyFile = join(d, 'run', 'hbl-ready');
    for (let i = 0; i < 200 && !existsSync(readyFile); i++) {
      if (this.unshare.exitCode !== null) throw new Error(`heartbeat node ${this.nodeName} did not start: ${this.log()}`);
      await sleep(50);
    }
    if (!existsSync(readyFile)) throw new Error(`heartbeat node ${this.nodeName} not ready after 10 s`);
  }

  /**
   * Runs a command inside the node (cl_status needs its private /run); resolves with its stdout.
   * A non-zero exit is not an error: cl_status exits 1 for "dead" answers.
   */
  async exec(command: string, args: string[]): Promise<string> {
    const init = this.initPid();
    const { stdout, stderr } = await runCommand('nsenter', ['-t', String(init), '-m', '-u', '-i', '-p', '-n', command, ...args], {
      timeoutMs: 10_000,
      allowFailure: true,
    });
    return stdout === '' ? stderr : stdout;
  }

  /** Removes the node's directory (after stop()). */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  log(): string {
    return existsSync(this.logPath) ? readFileSync(this.logPath, 'utf8') : '';
  }

  /** Power cut: SIGKILL to the namespace's init (by pid) ends every process of the node at once. */
  async stop(): Promise<void> {
    const child = this.unshare;
    if (child === undefined) return;
    this.unshare = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(this.initPidOf(child), 'SIGKILL');
    } catch {
      child.kill('SIGKILL'); // no init yet: --kill-child takes it down with unshare
    }
    await exited;
  }

  private initPid(): number {
    if (this.unshare === undefined) throw new Error('not started');
    return this.initPidOf(this.unshare);
  }

  private initPidOf(child: ChildProcess): number {
    const pid = child.pid;
    if (pid === undefined) throw new Error('unshare has no pid');
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    const init = Number(children[0]);
    if (!Number.isInteger(init) || init <= 0) throw new Error(`no namespace init under unshare ${pid}`);
    return init;
  }
}
