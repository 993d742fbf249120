/**
 * `followup completion bash|zsh|fish` prints a script that the shell loads once; at each Tab the
 * script asks `followup __complete WORDS...` (see complete.ts), which answers from the same
 * command definitions as `--help`, so the two cannot drift.
 */
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ContextFor, NewCommand } from './command.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** The arguments, flags and help of `completion`. */
function flags(cmd: NewCommand) {
  return cmd.argument('<shell>', SHELLS.join(', ')).addHelpText(
    'after',
    `
  Load it for this shell session, or add the line to your shell's start-up file:
    bash:  source <(followup completion bash)     (in ~/.bashrc)
    zsh:   source <(followup completion zsh)      (in ~/.zshrc, after compinit)
    fish:  followup completion fish > ~/.config/fish/completions/followup.fish

  It completes commands, flags, draft kinds, log events, outcomes, config keys,
  and application numbers and company names from your store.`,
  );
}

/** Register `completion`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((shell, _opts, c) => runCompletion(contextFor(c), shell));
}

/** Print the script for `shell`. */
export function runCompletion(ctx: Context, shell: string): void {
  const name = shell.trim().toLowerCase() as Shell;
  if (!(SHELLS as readonly string[]).includes(name)) {
    throw new UsageError(`There is no completion for "${shell}". Type one of: ${SHELLS.map((s) => `followup completion ${s}`).join(', ')}.`);
  }
  ctx.output.out(SCRIPTS[name].trimEnd());
}

const SCRIPTS: Record<Shell, string> = {
  bash: `# bash completion for followup (followup completion bash)
_followup_complete() {
  local IFS=$'\\n' line
  local -a lines
  COMPREPLY=()
  lines=($(followup __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)) || return 0
  for line in "\${lines[@]}"; do
    COMPREPLY+=("\${line%%$'\\t'*}")
  done
}
complete -o default -o nosort -F _followup_complete followup 2>/dev/null || complete -o default -F _followup_complete followup
`,
  zsh: `#compdef followup
# zsh completion for followup (followup completion zsh)
_followup() {
  local -a lines candidates
  local line
  lines=("\${(@f)$(followup __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in "\${lines[@]}"; do
    [[ -z "$line" ]] && continue
    candidates+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
  done
  if (( \${#candidates} )); then
    _describe -V followup candidates
  else
    _files
  fi
}
if (( $+functions[compdef] )); then compdef _followup followup; fi
`,
  fish: `# fish completion for followup (followup completion fish)
function __followup_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    followup __complete $words[2..-1] "$current" 2>/dev/null
end
complete -c followup -f -a '(__followup_complete)'
`,
};
