/** Two spellings of one flag (`--note` and `--notes`): either is taken, and two different values are exit 2. */
import { UsageError } from '../errors.js';

/** The value given under either spelling; `names` are the two flags as typed, for the message. */
export function eitherSpelling(main: string | undefined, other: string | undefined, names: [string, string]): string | undefined {
  if (main !== undefined && other !== undefined && main !== other) {
    throw new UsageError(`${names[0]} and ${names[1]} are the same flag and were given two values; give one of them.`);
  }
  return main ?? other;
}
