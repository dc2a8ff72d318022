// Writes the key table into README.md from components/keymap.ts (run after changing a key binding; CI fails when it is stale).
import fs from 'node:fs';
import { build } from 'esbuild';

const bundle = await build({
  entryPoints: ['components/key-table.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const { withKeyTable } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);
fs.writeFileSync('README.md', withKeyTable(fs.readFileSync('README.md', 'utf8')));
