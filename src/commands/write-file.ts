/** Writing what a command produces to a file the user named. */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError, UsageError } from '../errors.js';
import { removeStaleTemps, tempPathFor } from '../store/backup.js';
import { checkOutputTarget } from '../store/guard.js';

/**
 * Write a file privately (0600), replacing it whole or not at all (`--out` of draft, export and
 * report). Never the store, its files, a backup or any SQLite database (exit 2, nothing
 * written); through a symlink, the file it points to is replaced and the link kept.
 */
export function writePrivate(file: string, text: string, storeFile: string, flag = '--out'): void {
  const target = checkOutputTarget(file, storeFile, flag);
  const temp = tempPathFor(target);
  removeStaleTemps(path.dirname(target), path.basename(target));
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof UsageError) throw err;
    throw new StoreError(`Could not write ${file}: ${(err as Error).message}. Nothing was written.`, 'io', { cause: err });
  }
}
