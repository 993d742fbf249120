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

/** How much text a streamed write gathers before it hands it on. */
const CHUNK_CHARS = 64 * 1024;

/** A writer that gathers small pieces of text and hands them on in chunks; `end` flushes. */
export function chunked(out: (text: string) => void): { write: (text: string) => void; end: () => void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    out(text);
  };
  return {
    write(text: string) {
      pending.push(text);
      size += text.length;
      if (size >= CHUNK_CHARS) flush();
    },
    end: flush,
  };
}

/**
 * writePrivate for text made piece by piece (`export`): `produce` writes it through `write`,
 * straight into a private (0600) temporary file beside the target, which replaces the target
 * only once it is complete; on any failure the temporary file is removed and the target is left
 * as it was. The same output guard as writePrivate.
 */
export function writePrivateStream(
  file: string,
  storeFile: string,
  produce: (write: (text: string) => void) => void,
  flag = '--out',
): void {
  const target = checkOutputTarget(file, storeFile, flag);
  const temp = tempPathFor(target);
  removeStaleTemps(path.dirname(target), path.basename(target));
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    const handle = fd;
    const out = chunked((text) => {
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(handle, bytes, done, bytes.length - done);
    });
    produce(out.write);
    out.end();
    fs.closeSync(fd);
    fd = null;
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing: the temporary file is removed below.
      }
    }
    fs.rmSync(temp, { force: true });
    if (err instanceof UsageError || err instanceof StoreError) throw err;
    throw new StoreError(`Could not write ${file}: ${(err as Error).message}. Nothing was written.`, 'io', { cause: err });
  }
}
