/** Writing what a command produces to a file the user named. */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError, UsageError } from '../errors.js';

/** Write a file privately (0600), replacing it whole or not at all (`--out` of draft and export). */
export function writePrivate(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) {
    throw new UsageError(`--out: the folder ${dir} does not exist. Create it first or choose another path.`);
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof UsageError) throw err;
    throw new StoreError(`Could not write ${file}: ${(err as Error).message}. Nothing was written.`, 'io', { cause: err });
  }
}
