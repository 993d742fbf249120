/** Typed errors; src/cli.ts turns each into a message and an exit code (design/cli.md). */

export const EXIT_OK = 0;
/** The program could not do it: the store is locked, damaged, read-only or from a newer version. */
export const EXIT_FAILURE = 1;
/** The input was wrong: unknown flag or command, bad date, unknown reference, missing field. */
export const EXIT_USAGE = 2;
/** Interrupted (Ctrl-C), as shells report a SIGINT: 128 + 2. */
export const EXIT_INTERRUPTED = 130;

/** The user typed something wrong; the message says what to type instead. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A reference, contact or record that does not exist (still the user's input: exit 2). */
export class NotFoundError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The store could not be used; the message says what happened to the data and what to do. */
export class StoreError extends Error {
  readonly exitCode = EXIT_FAILURE;
  constructor(
    message: string,
    readonly kind: 'locked' | 'damaged' | 'not-a-database' | 'newer' | 'read-only' | 'full' | 'io',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Whoever read the output has stopped (`followup today | head`): not a failure, nothing to say. */
export class ReaderGone extends Error {
  constructor() {
    super('the reader of the output has gone');
    this.name = 'ReaderGone';
  }
}
