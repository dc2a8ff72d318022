// Bundles the CLI into dist/ with esbuild: one file loads faster than hundreds of modules; commands are split into lazy chunks.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'source/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
