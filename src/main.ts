/** The bundle's entry: run the program and set the exit code (the only place that does). */
import { main } from './cli.js';

void main().then((code) => {
  process.exitCode = code;
});
