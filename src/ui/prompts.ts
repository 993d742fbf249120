/** Questions on the terminal: the only module that loads @inquirer/prompts, and only when asked. */
import { terminalSafe } from './terminal-safe.js';

type Prompts = typeof import('@inquirer/prompts');

/** A small question-asking surface, so commands do not depend on the prompt library. */
export interface Asker {
  /** `required`: an empty answer is refused (with this message, when it is one). */
  text(
    message: string,
    opts?: { default?: string; required?: boolean | string; validate?: (v: string) => string | true },
  ): Promise<string>;
  choose<T extends string>(message: string, choices: { value: T; name: string }[], defaultValue?: T): Promise<T>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  /** Ask repeatedly until an empty answer; returns the answers. */
  list(message: string): Promise<string[]>;
}

/** Text shown in a question, escaped; a question's own line layout is ours. */
const shown = (text: string) => terminalSafe(text, { keepLines: true });

/** Where questions are asked: the run's stdin, and its stderr as a stream. */
export interface AskerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * An asker that writes its questions to stderr, keeping stdout for data. Messages, defaults,
 * choices and validation errors may quote stored or typed text: they are shown escaped.
 */
export async function createAsker(streams: AskerStreams): Promise<Asker> {
  // bin/followup compiles the bundle with V8's code cache, where import() is unavailable; it
  // provides this function instead. Elsewhere (tests) the plain import() works.
  const viaShim = (globalThis as Record<symbol, unknown>)[Symbol.for('followup.import')] as
    | ((specifier: string) => Promise<Prompts>)
    | undefined;
  const prompts: Prompts = viaShim ? await viaShim('@inquirer/prompts') : await import('@inquirer/prompts');
  const context = { output: streams.output, input: streams.input };
  return {
    async text(message, opts = {}) {
      // The default is shown escaped; taking it as offered gives back the text itself.
      const safeDefault = opts.default === undefined ? undefined : terminalSafe(opts.default);
      const answer = await prompts.input(
        {
          message: shown(message),
          default: safeDefault,
          validate: (typed: string) => {
            const v = typed === safeDefault ? opts.default! : typed;
            if (opts.required && v.trim() === '') return shown(typeof opts.required === 'string' ? opts.required : 'This one is needed.');
            const verdict = opts.validate && v.trim() !== '' ? opts.validate(v) : true;
            return verdict === true ? true : shown(verdict);
          },
        },
        context,
      );
      return (answer === safeDefault ? opts.default! : answer).trim();
    },
    async choose(message, choices, defaultValue) {
      const safeChoices = choices.map((c) => ({ value: c.value, name: terminalSafe(c.name) }));
      // Enter takes the default: the question says which it is, as a text question's does.
      const preset = safeChoices.find((c) => c.value === defaultValue);
      const question = preset ? `${shown(message)} (${preset.name})` : shown(message);
      return prompts.select({ message: question, choices: safeChoices, default: defaultValue }, context);
    },
    async confirm(message, defaultValue = false) {
      return prompts.confirm({ message: shown(message), default: defaultValue }, context);
    },
    async list(message) {
      const answers: string[] = [];
      for (;;) {
        const next = (
          await prompts.input(
            { message: answers.length === 0 ? `${shown(message)} (blank to skip)` : 'Another? (blank to finish)' },
            context,
          )
        ).trim();
        if (next === '') return answers;
        answers.push(next);
      }
    },
  };
}
