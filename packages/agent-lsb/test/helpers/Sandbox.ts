import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ExecaCommandRunner, MemorySink, StructuredLogger, SystemClock } from '@heartline/core';
import type { AgentContext, ResourceRef } from '@heartline/core';

/** A throw-away /etc/ha.d, /etc/init.d and OCF root, with real scripts in them. */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'heartline-agent-lsb-'));
  readonly haDir = join(this.root, 'ha.d');
  readonly initDir = join(this.root, 'init.d');
  readonly ocfRoot = join(this.root, 'ocf');
  readonly sink = new MemorySink();
  private readonly clock = new SystemClock();
  private readonly commands = new ExecaCommandRunner(this.clock, { killGraceMs: 300 });

  constructor() {
    for (const dir of [join(this.haDir, 'resource.d'), this.initDir, join(this.ocfRoot, 'resource.d', 'heartbeat')]) {
      mkdirSync(dir, { recursive: true });
    }
  }

  /** Writes `#!/bin/sh` + body at `path` (relative to the sandbox root) and returns the absolute path. */
  script(path: string, body: string, mode = 0o755): string {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, `#!/bin/sh\n${body}\n`);
    chmodSync(full, mode);
    return full;
  }

  file(path: string, text: string): string {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  path(path: string): string {
    return join(this.root, path);
  }

  context(overrides: Partial<AgentContext> = {}): AgentContext {
    return {
      nodeName: 'node1',
      logger: new StructuredLogger([this.sink], this.clock).child({ node: 'node1' }),
      clock: this.clock,
      commands: this.commands,
      timeoutMs: 5000,
      haDir: this.haDir,
      initDir: this.initDir,
      env: { HA_CURHOST: 'node1', OCF_ROOT: this.ocfRoot },
      ...overrides,
    };
  }

  validateContext(): { haDir: string; initDir: string; env: Record<string, string> } {
    return { haDir: this.haDir, initDir: this.initDir, env: { OCF_ROOT: this.ocfRoot } };
  }

  messages(level?: 'debug' | 'info' | 'warn' | 'error' | 'crit'): string[] {
    return this.sink.messages(level);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A haresources resource as core's parser gives it: `type::arg::arg`, at line 3 of haresources. */
export function resourceRef(spec: string, file = '/etc/ha.d/haresources'): ResourceRef {
  const [type = '', ...args] = spec.split('::');
  return { text: spec, spec, type, args, where: { file, line: 3, column: 20 } };
}
