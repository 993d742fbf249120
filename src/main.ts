/** The bundle's entry: run the program on the process's arguments and IO, and exit with its code (the only place that does). */
import { main } from './cli.js';
import { processIO } from './io.js';

// Output is written synchronously (ui/output.ts), so once the command is done nothing is left
// to flush: exit at once rather than wait for the runtime's own housekeeping (a late garbage
// collection can cost more than the command did). A reader that stops early
// (`followup today | head`) is handled where stdout is written.
// Ctrl-C outside a prompt: a change in progress is one synchronous transaction, so this runs
// before it began or after it committed, never halfway; exit 130 as shells expect.
process.once('SIGINT', () => {
  process.stderr.write('\nfollowup: interrupted.\n');
  process.exit(130);
});
void main(process.argv.slice(2), processIO()).then((code) => {
  process.exit(code);
});
