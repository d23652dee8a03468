import { userInfo } from 'node:os';
import { HaError } from '@heartline/core/errors';
import { daemonDefaults } from '../daemonDefaults.js';
import type { ControlAccess } from './ControlAccess.js';

/** `user alice (uid 1001)`, or the uid alone when it has no name. */
function whoAmI(): { text: string; name: string } {
  const uid = process.getuid?.() ?? -1;
  try {
    const { username } = userInfo();
    return { text: `user ${username} (uid ${uid})`, name: username };
  } catch {
    return { text: `uid ${uid}`, name: 'USER' };
  }
}

/** CONTROL_PERMISSION_DENIED for a socket the kernel would not let this process open, with the fix for that socket. */
export function permissionDenied(path: string, access: ControlAccess): HaError {
  const me = whoAmI();
  const group = daemonDefaults.readGroup;
  const hint =
    access === 'read'
      ? `Ask as root, or as a member of group ${group}: usermod -aG ${group} ${me.name}, then log in again. ` +
        `A daemon that started while the group did not exist answers root only until it restarts.`
      : `Run it as root (sudo): commands that change the cluster are served to root only, on ${path}; members of ${group} may only ask (ha status).`;
  return new HaError('CONTROL_PERMISSION_DENIED', `${me.text} may not open ${path}: permission denied`, { hint });
}
