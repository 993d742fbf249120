// Bundles src/ into dist/cli.cjs. Dependencies that are heavy or native stay outside the bundle
// and are loaded with require() only by the commands that use them.
import { build } from 'esbuild';

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
