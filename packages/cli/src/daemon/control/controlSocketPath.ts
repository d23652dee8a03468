import { join } from 'node:path';
import { daemonDefaults } from '../daemonDefaults.js';
import type { ControlAccess } from './ControlAccess.js';

/** `<run-dir>/control.sock` for questions, `<run-dir>/admin.sock` for changes. */
export function controlSocketPath(runDir: string, access: ControlAccess): string {
  return join(runDir, access === 'read' ? daemonDefaults.socketName : daemonDefaults.adminSocketName);
}
