import { after, before } from 'node:test';
import { NetnsLab, type LabOptions } from './NetnsLab.js';

/**
 * The lifecycle every lab suite shares: the lab is built before the suite's tests and destroyed
 * after them, its daemons closed first, and its files kept (path printed) when a test failed so the
 * logs can be read. Create it inside `describe`.
 */
export class LabFixture {
  failed = false;
  private current: NetnsLab | undefined;
  private readonly closers: Array<{ close(): void }> = [];

  constructor(options: LabOptions, setUp?: (lab: NetnsLab, fixture: LabFixture) => void) {
    before(async () => {
      this.current = await NetnsLab.create(options);
      setUp?.(this.current, this);
    });
    after(async () => {
      for (const closer of this.closers) closer.close();
      await this.current?.destroy({ keepFiles: this.failed });
      if (this.failed && this.current !== undefined) console.log(`lab files kept in ${this.current.dir}`);
    });
  }

  get lab(): NetnsLab {
    if (this.current === undefined) throw new Error('the lab is built in the suite\'s before hook');
    return this.current;
  }

  /** Closes `daemon` (its log tail, any process left) before the lab goes. */
  closeAfter<T extends { close(): void }>(daemon: T): T {
    this.closers.push(daemon);
    return daemon;
  }

  /** Runs a test body, remembering a failure so the lab's files are kept. */
  async guard(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      this.failed = true;
      throw error;
    }
  }
}
