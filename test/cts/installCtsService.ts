import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from '../lib/LabNode.js';
import { LSB_FIXTURE_SCRIPT } from '../lib/LsbFixtures.js';

/** Where the real fixture lives on the node, below /etc/init.d (a wrapper has the service's name). */
export const CTS_IMPL_DIR = 'cts-impl';

/**
 * Installs /etc/init.d/NAME on `node` as a wrapper around the LSB fixture service (test/lib/LsbFixtures,
 * same event log, same start-failure flag): while /etc/ha.d/cts-hang-NAME-OP exists, `NAME OP`
 * hangs instead (sleeps an hour), which is how a resource that overruns its timeout is made.
 */
export function installCtsService(node: LabNode, name: string): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new RangeError(`bad service name ${JSON.stringify(name)}`);
  mkdirSync(join(node.initDir, CTS_IMPL_DIR), { recursive: true });
  const impl = join(node.initDir, CTS_IMPL_DIR, name);
  copyFileSync(LSB_FIXTURE_SCRIPT, impl);
  chmodSync(impl, 0o755);
  const wrapper = join(node.initDir, name);
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      '# CTS wrapper: hangs an operation while its flag file exists, else runs the fixture service.',
      `[ -e "/etc/ha.d/cts-hang-${name}-$1" ] && exec sleep 3600`,
      `exec /etc/init.d/${CTS_IMPL_DIR}/${name} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
}

/** Makes `NAME OP` hang on `node` (or stop hanging). */
export function setCtsHang(node: LabNode, name: string, operation: 'start' | 'stop' | 'status', hang: boolean): void {
  const flag = join(node.configDir, `cts-hang-${name}-${operation}`);
  if (hang) writeFileSync(flag, '');
  else rmSync(flag, { force: true });
}
