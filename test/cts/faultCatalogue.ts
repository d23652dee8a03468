import type { CtsFault } from './CtsFault.js';
import { daemonKill } from './faults/daemonKill.js';
import { linkFlap, loss30 } from './faults/disturbedLink.js';
import { failingStart } from './faults/failingStart.js';
import { fullDisk } from './faults/fullDisk.js';
import { gracefulFlip } from './faults/gracefulFlip.js';
import { hangingStart } from './faults/hangingStart.js';
import { hangingStatus } from './faults/hangingStatus.js';
import { partition } from './faults/partition.js';
import { powerCut } from './faults/powerCut.js';
import { restart } from './faults/restart.js';
import { serialUnplug } from './faults/serialUnplug.js';
import { simultaneousStopStart } from './faults/simultaneousStopStart.js';
import { standbyBothWays } from './faults/standbyBothWays.js';

/** Every fault kind the CTS run knows, in the order of the final table. */
export const FAULT_CATALOGUE: readonly CtsFault[] = [
  gracefulFlip,
  restart,
  standbyBothWays,
  simultaneousStopStart,
  powerCut,
  daemonKill,
  partition,
  serialUnplug,
  loss30,
  linkFlap,
  failingStart,
  hangingStatus,
  hangingStart,
  fullDisk,
];
