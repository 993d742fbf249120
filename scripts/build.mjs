// Bundles src/ into dist/cli.cjs (and the built-in letters into dist/letters.cjs). Dependencies
// that are heavy or native stay outside the bundle and are loaded with require() only by the
// commands that use them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

// commander loads node:child_process (and with it net and stream) at startup, only to run
// executable subcommands, which followup has none of. Give commander, wherever it imports
// child_process, a stand-in that loads the real module on first use. This works on the import,
// through esbuild's plugin API, and patches no text of commander's, so a change in how its source
// is written cannot make it miss. If commander is bundled but none of its files imports
// child_process any more (moved, renamed, or now an ES import the stand-in does not cover), the
// build fails and says what to check, rather than quietly giving back the startup time.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    const inCommander = /[\\/]node_modules[\\/]commander[\\/]/;
    let commanderBundled = false;
    let found = 0; // imports of child_process by commander's files
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/].*\.js$/ }, () => {
      commanderBundled = true;
      return undefined; // loaded as usual
    });
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => {
      if (!inCommander.test(args.importer)) return undefined;
      found += 1;
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `lazy-child-process: ${args.importer} now loads child_process by ${args.kind}; the stand-in only replaces require(). Check scripts/build.mjs.` }] };
      }
      return { path: 'child_process', namespace: 'lazy-child-process' };
    });
    // Every export of child_process, as a getter that loads the module when first read.
    const names = Object.keys(createRequire(import.meta.url)('node:child_process'));
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: [
        "const load = () => require('node:child_process');",
        ...names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`),
      ].join('\n'),
      loader: 'js',
    }));
    b.onEnd(() => {
      if (!commanderBundled || found > 0) return undefined;
      return {
        errors: [{
          text:
            'lazy-child-process: commander is bundled but none of its files require() child_process any more. ' +
            'Check how node_modules/commander/lib/command.js loads it now (and whether it still does at startup), ' +
            'then update or remove this plugin in scripts/build.mjs.',
        }],
      };
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

// better-sqlite3's JavaScript goes into the bundle (compiled from the code cache with the rest,
// rather than a dozen files resolved, read and compiled on every start: some 4 ms); its native
// addon stays where npm built it, and is always named to it (src/store/open.ts, nativeBinding),
// so that its `bindings` lookup, which would search from the bundle's folder, never runs.
await build({
  ...common,
  external: common.external.filter((name) => name !== 'better-sqlite3').concat('bindings'),
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.cjs',
  sourcemap: 'linked',
});

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

// The manual page, from the same command definitions as --help (src/manual.ts).
const manWork = mkdtempSync(join(process.cwd(), 'dist', '.man-'));
try {
  const entry = join(manWork, 'manual.cjs');
  await build({
    ...common,
    stdin: { contents: "export { manPage } from './src/manual.ts';\n", resolveDir: process.cwd(), sourcefile: 'manual.ts', loader: 'ts' },
    outfile: entry,
  });
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const page = await createRequire(import.meta.url)(entry).manPage(version);
  mkdirSync('man', { recursive: true });
  writeFileSync('man/followup.1', page);
} finally {
  rmSync(manWork, { recursive: true, force: true });
}

// V8's code cache for the bundle: run the demo once (in a temporary store) so the cache holds
// what a typical command compiles; bin/followup writes it on exit. Best effort: without it,
// followup simply starts a little slower.
rmSync('dist/cli.cjs.cache', { force: true });
rmSync('dist/.compile-cache', { recursive: true, force: true });
const env = { ...process.env, NO_COLOR: '1' };
delete env.FOLLOWUP_DB;
spawnSync(process.execPath, ['bin/followup', 'demo'], { stdio: 'ignore', env });
