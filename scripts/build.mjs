// Bundles src/ into dist/cli.cjs. Dependencies that are heavy or native stay outside the bundle
// and are loaded with require() only by the commands that use them.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'handlebars', '@inquirer/prompts'],
  logLevel: 'warning',
};

// The benchmark's seeder writes through the store's own code.
await build({ ...common, entryPoints: ['src/bench/seed-cli.ts'], outfile: 'dist/bench-seed.cjs' });

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'handlebars', '@inquirer/prompts'],
  logLevel: 'warning',
});
