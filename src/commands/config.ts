/** `followup config list|get|set|add|remove`: the cadence settings and who the user is. */
import { CONFIG_KEYS, formatConfigValue, isConfigKey, parseConfigValue } from '../core/config.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { hangingWrap } from '../ui/output.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import type { ContextFor, NewCommand } from './command.js';

/** Register `config` and its subcommands. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  cmd.addHelpText(
    'after',
    `
  Examples:
    followup config list
    followup config get minGapDays
    followup config set holidays 2026-12-24,2026-12-25
    followup config add holidays 12-25,01-01          (every year)
    followup config remove holidays 2026-12-24
    followup config set name "Alex Morgan"`,
  );
  cmd
    .command('list')
    .description('every setting with its value')
    .option('--json', 'print an object')
    .action((opts, c) => runConfigList(contextFor(c), opts));
  cmd
    .command('get')
    .description('one setting\'s value')
    .argument('<key>', 'the setting')
    .action((key, _opts, c) => runConfigGet(contextFor(c), key));
  cmd
    .command('set')
    .description('change a setting (checked)')
    .argument('<key>', 'the setting')
    .argument('<value>', 'its new value')
    .action((key, value, _opts, c) => runConfigSet(contextFor(c), key, value));
  cmd
    .command('add')
    .description('add to a list setting (holidays), keeping what is there')
    .argument('<key>', 'the list setting')
    .argument('<values>', 'what to add, comma separated')
    .action((key, values, _opts, c) => runConfigListChange(contextFor(c), 'add', key, values));
  cmd
    .command('remove')
    .description('remove from a list setting (holidays)')
    .argument('<key>', 'the list setting')
    .argument('<values>', 'what to remove, comma separated')
    .action((key, values, _opts, c) => runConfigListChange(contextFor(c), 'remove', key, values));
}

/** The settings that hold lists. */
const LIST_KEYS = ['holidays'] as const;

/** Add to or remove from a list setting, checked as `set` checks the whole list; one undoable change. */
export function runConfigListChange(ctx: Context, change: 'add' | 'remove', key: string, values: string): void {
  if (!(LIST_KEYS as readonly string[]).includes(key)) {
    const hint = isConfigKey(key) ? ` ${key} holds one value: followup config set ${key} VALUE.` : '';
    throw new UsageError(`config ${change} works on lists (${LIST_KEYS.join(', ')}), not on "${key}".${hint}`);
  }
  const store = ctx.openStore();
  const config = store.getConfig();
  const current = config.holidays;
  // The values as the setting reads them: checked, one spelling each.
  const typed = parseConfigValue(key, values, config).value as string[];
  let next: string[];
  if (change === 'add') {
    next = [...new Set([...current, ...typed])];
  } else {
    const missing = typed.filter((v) => !current.includes(v));
    if (missing.length > 0) {
      throw new UsageError(
        `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in ${key} (${current.join(', ') || 'empty'}). Nothing was changed.`,
      );
    }
    next = current.filter((v) => !typed.includes(v));
  }
  const parsed = parseConfigValue(key, next.join(','), config);
  store.setConfig(parsed.key, parsed.value);
  ctx.output.err(`${parsed.key} = ${terminalSafe(formatConfigValue(parsed.value)) || '(not set)'}`);
}

/** Print every setting. */
export function runConfigList(ctx: Context, opts: { json?: boolean }): void {
  const config = ctx.openStore().getConfig();
  if (opts.json) {
    ctx.output.json(config);
    return;
  }
  const s = ctx.output.styles;
  const width = Math.max(...Object.keys(CONFIG_KEYS).map((k) => k.length));
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
    const value = terminalSafe(formatConfigValue(config[key as keyof typeof config]));
    const first = `${s.strong(key.padEnd(width))}  ${value === '' ? s.dim('(not set)') : value}  `;
    ctx.output.out(hangingWrap(first, s.dim(`# ${spec.help}`), ctx.output.columns, ' '.repeat(width + 4)));
  }
}

/** Print one setting's value. */
export function runConfigGet(ctx: Context, key: string): void {
  if (!isConfigKey(key)) {
    throw new UsageError(`Unknown setting "${key}". Known settings: ${Object.keys(CONFIG_KEYS).join(', ')}.`);
  }
  ctx.output.out(formatConfigValue(ctx.openStore().getConfig()[key]));
}

/** Check and store one setting. */
export function runConfigSet(ctx: Context, key: string, value: string): void {
  const store = ctx.openStore();
  const parsed = parseConfigValue(key, value, store.getConfig());
  store.setConfig(parsed.key, parsed.value);
  ctx.output.err(`${parsed.key} = ${terminalSafe(formatConfigValue(parsed.value)) || '(not set)'}`);
}
