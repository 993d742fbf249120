/** The contract between cli.ts and a command's module (types only: nothing here runs). */
import type { Command } from '@commander-js/extra-typings';
import type { Context, GlobalOptions } from '../context.js';

/** A command as cli.ts hands it over: named, described, under the global options. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type NewCommand = Command<[], {}, GlobalOptions>;

/** The run's context, made when the action runs from the options it was given (the global ones too). */
export type ContextFor = (cmd: { optsWithGlobals(): GlobalOptions }) => Context;

/** The options a command's flags declare, as commander parses them: `OptionsOf<typeof flags>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OptionsOf<F extends (...args: any[]) => { opts(): object }> = ReturnType<ReturnType<F>['opts']>;

/** What each module in cli.ts's table exports: adds the command's arguments, flags, help and action. */
export interface CommandModule {
  register(cmd: NewCommand, contextFor: ContextFor): void;
}
