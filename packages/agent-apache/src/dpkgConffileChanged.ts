import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Whether dpkg's record of a conffile (`Conffiles:` in /var/lib/dpkg/status: ` /etc/init.d/apache2
 * <md5>`) differs from the file as it is now; undefined when dpkg does not know the file (not a
 * Debian system, not a packaged file) or it cannot be read.
 */
export function dpkgConffileChanged(path: string, statusFile = '/var/lib/dpkg/status'): boolean | undefined {
  try {
    const status = readFileSync(statusFile, 'utf8');
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const recorded = new RegExp(`^ ${escaped} ([0-9a-f]{32})(?: \\w+)*$`, 'm').exec(status)?.[1];
    if (recorded === undefined) return undefined;
    return createHash('md5').update(readFileSync(path)).digest('hex') !== recorded;
  } catch {
    return undefined;
  }
}
