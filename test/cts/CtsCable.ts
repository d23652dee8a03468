import type { SocatCable } from '@heartline/transport-serial/testing';

/**
 * How the serial cable is cut. `unplugged`: its socat is killed, the ptys vanish and both ends get
 * read/write errors, as when a USB serial adapter is pulled out; plugging it back makes new ptys
 * behind the same paths. `silenced`: its socat is stopped (SIGSTOP), the devices stay open and the
 * line just goes quiet, as when a null-modem cable is pulled out of a real port (CLOCAL: no error
 * at all); writes pile up in the pty buffers and are delivered, late, when it is resumed.
 */
export type CableCut = 'unplugged' | 'silenced';

/** The lab's serial cable as the CTS run cuts and restores it, remembering how it was cut. */
export class CtsCable {
  private cutAs: CableCut | undefined;

  constructor(private readonly cable: SocatCable) {}

  get state(): CableCut | 'plugged' {
    return this.cutAs ?? 'plugged';
  }

  /** Cuts the cable; resolves with performance.now() just before. */
  async cut(how: CableCut): Promise<number> {
    if (this.cutAs !== undefined) throw new Error(`the serial cable is already ${this.cutAs}`);
    const at = performance.now();
    if (how === 'unplugged') await this.cable.unplug();
    else process.kill(this.socatPid(), 'SIGSTOP');
    this.cutAs = how;
    return at;
  }

  /** Plugs it back or lets its socat go on; resolves with performance.now() just before. Nothing to do when plugged. */
  async restore(): Promise<number> {
    const at = performance.now();
    const how = this.cutAs;
    this.cutAs = undefined;
    if (how === 'unplugged') await this.cable.plug();
    else if (how === 'silenced') process.kill(this.socatPid(), 'SIGCONT');
    return at;
  }

  private socatPid(): number {
    const pid = this.cable.pid;
    if (pid === undefined) throw new Error('the serial cable has no socat running');
    return pid;
  }
}
