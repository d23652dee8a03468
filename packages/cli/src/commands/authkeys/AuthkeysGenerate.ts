import { HaCommand } from '../HaCommand.js';
import { randomBytes } from 'node:crypto';
import { Flags } from '@oclif/core';
import { HaError, SystemClock } from '@heartline/core';
import { writeNewFile } from './writeNewFile.js';

/** 256 random bits: more than sha1's or md5's output, well under HMAC's 64-byte block. */
const KEY_BYTES = 32;

export class AuthkeysGenerate extends HaCommand {
  static override summary = 'Write a new authkeys file with a random key';
  static override description = [
    'Writes `auth 1` and `1 <method> <key>` with a key of 256 random bits (hex), creating the file with',
    'mode 0600 so it is never readable by others. An existing file is never replaced without --force.',
    'Copy the same file to every node of the cluster (heartbeat nodes included).',
  ].join('\n');
  static override examples = ['<%= config.bin %> authkeys generate', '<%= config.bin %> authkeys generate --out /tmp/authkeys --method md5'];
  static override flags = {
    method: Flags.string({ description: 'HMAC method', options: ['sha1', 'md5'], default: 'sha1' }),
    out: Flags.string({ description: 'file to write', default: '/etc/ha.d/authkeys' }),
    force: Flags.boolean({ description: 'replace the file if it exists', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AuthkeysGenerate);
    const key = randomBytes(KEY_BYTES).toString('hex');
    const when = new SystemClock().wallTime().toISOString();
    const text = [
      `# Written by \`ha authkeys generate\` on ${when}.`,
      '# Every node of the cluster needs this same file, mode 0600, owned by root.',
      'auth 1',
      `1 ${flags.method} ${key}`,
      '',
    ].join('\n');
    try {
      await writeNewFile(flags.out, text, flags.force);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') {
        throw new HaError('AUTHKEYS_FILE_EXISTS', `${flags.out} already exists; not replacing it`, { cause: error });
      }
      throw new HaError('AUTHKEYS_WRITE_FAILED', `cannot write ${flags.out}: ${explain(code, error)}`, { cause: error });
    }
    this.log(`wrote ${flags.out} (${flags.method}, mode 0600); copy it to every node`);
  }
}

function explain(code: unknown, error: unknown): string {
  if (code === 'ENOENT') return 'its directory does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  return error instanceof Error ? error.message : String(error);
}
