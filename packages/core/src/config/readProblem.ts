import type { ConfigIssue } from './ConfigIssue.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';

/** The issue for a configuration file that cannot be read at all. */
export function readProblem(path: string, error: unknown): ConfigIssue {
  const code = (error as { code?: unknown } | null)?.code;
  const missing = code === 'ENOENT';
  const reason = error instanceof Error ? error.message : String(error);
  const catalogued = missing ? 'CONFIG_FILE_NOT_FOUND' : 'CONFIG_FILE_UNREADABLE';
  return {
    file: path,
    line: 0,
    column: 0,
    code: catalogued,
    severity: 'error',
    message: missing ? `${path} does not exist` : `${path} cannot be read: ${reason}`,
    hint: errorCatalogue[catalogued].hint,
  };
}
