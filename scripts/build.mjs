// Bundles src/ into dist/cli.cjs (and the built-in letters into dist/letters.cjs). Dependencies
// that are heavy or native stay outside the bundle and are loaded with require() only by the
// commands that use them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

// commander loads node:child_process (and with it net and stream) at startup, only to run
// executable subcommands, which followup has none of. Load it when first used instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) return undefined;
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// followup's sources import node:fs, node:path and node:os by default import. esbuild would wrap
// each such import in a helper that copies every property of the module onto a new object, on
// every start (a couple of milliseconds in all). Give those imports the module itself instead.
// (A named import of these modules would not build, rather than silently misbehave.)
const builtinDefaults = {
  name: 'builtin-defaults',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path|os)$/ }, (args) => {
      if (args.namespace === 'builtin-default') return { path: args.path, external: true };
      if (args.kind !== 'import-statement' || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
      return { path: args.path, namespace: 'builtin-default' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin-default' }, (args) => ({
      contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\n`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'handlebars', '@inquirer/prompts'],
  plugins: [lazyChildProcess, builtinDefaults],
  logLevel: 'warning',
};

// The benchmark's seeder writes through the store's own code.
await build({ ...common, entryPoints: ['src/bench/seed-cli.ts'], outfile: 'dist/bench-seed.cjs' });

await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/cli.cjs', sourcemap: 'linked' });

// The built-in letters, checked and precompiled with the program's own rules (src/drafts/render.ts)
// and bundled with Handlebars' small runtime: `draft` then never loads the template compiler,
// which costs more than the rest of the command. render.ts uses a precompiled template only when
// the template file still reads exactly as it did here.
const work = mkdtempSync(join(process.cwd(), 'dist', '.build-'));
try {
  const compiler = join(work, 'render.cjs');
  // The templates are read as `draft` reads them (src/drafts/templates.ts), limits included.
  await build({
    ...common,
    stdin: {
      contents:
        "export { precompileTemplate } from './src/drafts/render.ts';\n" +
        "export { readTemplateFile } from './src/drafts/templates.ts';\n",
      resolveDir: process.cwd(),
      sourcefile: 'compiler.ts',
      loader: 'ts',
    },
    outfile: compiler,
  });
  const { precompileTemplate, readTemplateFile } = createRequire(import.meta.url)(compiler);
  const entries = readdirSync('templates')
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => {
      const source = readTemplateFile(join('templates', f));
      const spec = precompileTemplate(source, join('templates', f));
      return `  ${JSON.stringify(f.slice(0, -4))}: { source: ${JSON.stringify(source)}, spec: ${spec} },`;
    });
  const contents = [
    "module.exports.runtime = require('handlebars/runtime');",
    'module.exports.templates = {',
    ...entries,
    '};',
  ].join('\n');
  await build({
    ...common,
    external: [],
    stdin: { contents, resolveDir: process.cwd(), sourcefile: 'letters.js', loader: 'js' },
    outfile: 'dist/letters.cjs',
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

// V8's code cache for the bundle: run the demo once (in a temporary store) so the cache holds
// what a typical command compiles; bin/followup writes it on exit. Best effort: without it,
// followup simply starts a little slower.
rmSync('dist/cli.cjs.cache', { force: true });
const env = { ...process.env, NO_COLOR: '1' };
delete env.FOLLOWUP_DB;
spawnSync(process.execPath, ['bin/followup', 'demo'], { stdio: 'ignore', env });
