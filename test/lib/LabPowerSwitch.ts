import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetnsLab } from './NetnsLab.js';

/** What the switch does with one request: cut the node's power, or answer that it failed. */
export type PowerAnswer = 'off' | 'fail';

/** One reset request a node's STONITH plugin made, and what the switch did. */
export interface PowerRequest {
  readonly host: string;
  /** performance.now() when the switch saw it. */
  readonly seenAtMs: number;
  readonly answer: PowerAnswer;
  /** Epoch ms just before the node's power was cut (answer `off`). */
  readonly cutAtMs?: number;
}

/**
 * The lab's power switch, as a cluster-glue external STONITH plugin sees it: `external/labpower`
 * (with `requestdir` as its one parameter) writes a request file naming the host to reset into a
 * directory the host and the nodes share (the lab dir, under the host's /tmp) and waits for the
 * answer file; the switch, polling here, cuts that lab node's power (`LabNode.crash()`) and answers
 * `off`, or answers `fail` (the plugin then exits 1), as `decide` says.
 */
export class LabPowerSwitch {
  readonly requestDir: string;
  readonly requests: PowerRequest[] = [];
  /** Hears each power cut (host, epoch ms just before it), e.g. a NeverTwiceWatch's `crashed`. */
  onCut: ((host: string, atMs: number) => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly lab: NetnsLab,
    /** Decides each request, given how many came before it. */
    public decide: (host: string, index: number) => PowerAnswer = () => 'off',
  ) {
    this.requestDir = join(lab.dir, 'power');
    mkdirSync(this.requestDir, { recursive: true });
  }

  /**
   * Installs the plugin as `<pluginDir>/external/labpower` (mode 0755: cluster-glue refuses a
   * script writable by group or others) and returns the ha.cf parameters for it.
   */
  installPlugin(pluginDir: string): string {
    mkdirSync(join(pluginDir, 'external'), { recursive: true });
    const path = join(pluginDir, 'external', 'labpower');
    writeFileSync(path, LABPOWER_SCRIPT);
    chmodSync(path, 0o755);
    return this.requestDir;
  }

  start(): this {
    this.timer ??= setInterval(() => void this.poll(), 20);
    return this;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const pending = readdirSync(this.requestDir).filter((f) => f.endsWith('.request')).sort();
      for (const file of pending) {
        const id = file.slice(0, -'.request'.length);
        const host = readFileSync(join(this.requestDir, file), 'utf8').trim();
        renameSync(join(this.requestDir, file), join(this.requestDir, `${id}.seen`));
        const seenAtMs = performance.now();
        const answer = this.decide(host, this.requests.length);
        let cutAtMs: number | undefined;
        const node = this.lab.nodes.find((n) => n.name === host);
        if (answer === 'off' && node !== undefined && node.running) {
          cutAtMs = performance.timeOrigin + (await node.crash());
          this.onCut?.(host, cutAtMs);
        }
        this.requests.push({ host, seenAtMs, answer: node === undefined ? 'fail' : answer, ...(cutAtMs === undefined ? {} : { cutAtMs }) });
        const tmp = join(this.requestDir, `${id}.tmp-answer`);
        writeFileSync(tmp, node === undefined ? 'fail\n' : `${answer}\n`);
        renameSync(tmp, join(this.requestDir, `${id}.answer`));
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A cluster-glue external plugin (getconfignames, status, gethosts, reset/off, the getinfo-*
 * questions), whose "device" is the directory the harness watches.
 */
const LABPOWER_SCRIPT = `#!/bin/sh
# external/labpower: the Heartline lab's power switch (test/lib/LabPowerSwitch.ts).
# Parameter: requestdir, a directory the test harness watches.
case "$1" in
  getconfignames) echo requestdir; exit 0 ;;
  getinfo-devid) echo "lab power switch"; exit 0 ;;
  getinfo-devname) echo "labpower"; exit 0 ;;
  getinfo-devdescr) echo "asks the test harness to cut a lab node's power"; exit 0 ;;
  getinfo-devurl) echo "test/lib/LabPowerSwitch.ts"; exit 0 ;;
  getinfo-xml) echo "<parameters/>"; exit 0 ;;
  gethosts) echo node1 node2; exit 0 ;;
  status) [ -d "$requestdir" ] || { echo "no request directory $requestdir"; exit 1; }; exit 0 ;;
  reset|off)
    id="$$-$(date +%s%N)"
    echo "$2" > "$requestdir/$id.tmp" && mv "$requestdir/$id.tmp" "$requestdir/$id.request" || exit 1
    i=0
    while [ ! -e "$requestdir/$id.answer" ]; do
      i=$((i + 1))
      [ $i -gt 300 ] && { echo "no answer from the lab's power switch"; exit 1; }
      sleep 0.1
    done
    answer=$(cat "$requestdir/$id.answer")
    echo "lab power switch: $2 $answer"
    [ "$answer" = off ] && exit 0
    exit 1 ;;
  *) exit 1 ;;
esac
`;
