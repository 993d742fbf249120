/** The user's editor, run on a file the way git runs it: the command through sh, the path as an argument. */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';

/** What choosing and running the editor needs from the context. */
export interface EditorContext {
  env: NodeJS.ProcessEnv;
  interactive: boolean;
}

/**
 * The editor command: $VISUAL, else $EDITOR, else vi on a terminal. `otherwise` says what the
 * user can do instead when there is none (the default suits `draft --edit`).
 */
export function editorCommand(ctx: EditorContext, otherwise = 'or drop --edit'): string {
  const editor = ctx.env.VISUAL?.trim() || ctx.env.EDITOR?.trim();
  if (editor) return editor;
  if (ctx.interactive) return 'vi';
  throw new UsageError(`No editor to open: set $VISUAL or $EDITOR (for example EDITOR=nano), ${otherwise}.`);
}

/**
 * The program and arguments that open a file in an editor command. As git does, the command runs
 * as `sh -c '<command> "$@"' <command> <file>`: the command may hold arguments (`code --wait`), and
 * the path reaches the editor as an argument, never as part of the command, so a `$(...)` or a
 * quote in TMPDIR or XDG_CONFIG_HOME is only ever a name. Windows has no sh: there the command is
 * run as the program itself, with the path as its argument and no shell.
 */
export function editorInvocation(
  editor: string,
  file: string,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } {
  if (platform === 'win32') return { command: editor, args: [file] };
  return { command: '/bin/sh', args: ['-c', `${editor} "$@"`, editor, file] };
}

/** Open a file in the editor and wait for it to close. */
export function openInEditor(ctx: EditorContext, file: string, otherwise?: string): void {
  const editor = editorCommand(ctx, otherwise);
  const { command, args } = editorInvocation(editor, file);
  const result = spawnSync(command, args, { stdio: 'inherit', env: ctx.env });
  if (result.error || result.status !== 0) {
    throw new UsageError(
      `The editor (${editor}) did not finish cleanly${result.status !== null ? ` (exit ${result.status})` : ''}; ` +
        'nothing was written.',
    );
  }
}
