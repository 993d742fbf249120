/** `followup import FILE`: read a JSON export back, checked first, all or nothing, idempotent. */
import fs from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { readArchiveFile } from '../export/archive.js';
import type { ImportCounts } from '../store/store.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The argument, flags and help of `import`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<file>', 'a file made by followup export --format json')
    .option('--json', 'print what was added as JSON')
    .addHelpText('after', '\nExamples:\n  followup import followup-backup.json\n  followup undo     (takes an import back)');
}

export type ImportOptions = OptionsOf<typeof flags>;

/** Register `import`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((file, opts, c) => runImport(contextFor(c), file, opts));
}

/** The largest file import reads (a job search's archive is far smaller). */
const MAX_BYTES = 200 * 1024 * 1024;

/** Check the whole file, then merge it in one transaction; the file is read as a stream, never whole. */
export function runImport(ctx: Context, file: string, opts: ImportOptions): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`There is no file ${file} to import. Give the path of a file made by followup export --format json.`);
  }
  if (!stat.isFile()) throw new UsageError(`${file} is not a file.`);
  if (stat.size > MAX_BYTES) throw new UsageError(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB; nothing was imported.`);
  // Read as a stream: checked whole first (before the store is opened), then read again and
  // written one application at a time in one transaction.
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new UsageError(`${file} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was imported.`);
  }
  let counts: ImportCounts;
  try {
    const archive = readArchiveFile(fd, file);
    counts = ctx.openStore().importFrom(archive, file);
  } finally {
    fs.closeSync(fd);
  }
  if (opts.json) {
    ctx.output.json(counts);
    return;
  }
  const added = counts.rounds + counts.contacts + counts.events + counts.applications + counts.settings;
  ctx.output.out(
    added === 0
      ? `Nothing new in ${file}: everything in it is already here.`
      : `Imported ${file}: ${counts.applications} applications added, ${counts.merged} already here ` +
          `(${counts.rounds} rounds, ${counts.contacts} contacts and ${counts.events} events added` +
          `${counts.settings ? `, ${counts.settings} settings` : ''}). Undo with: followup undo`,
  );
}
