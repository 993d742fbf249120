/** The bundle's entry: run the program and set the exit code (the only place that does). */
import { main } from './cli.js';

// A reader that stops early (`followup today | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

void main().then((code) => {
  process.exitCode = code;
});
