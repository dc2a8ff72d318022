// The macOS Seatbelt profile for one test command: reading allowed, the network denied, writing only to the project
// and the private folders, never to what the project protects but the caches inside it. Later rules win in SBPL.
import { sbplQuote } from './hidden-paths.js';
import type { TestSandboxSpec } from './test-sandbox-spec.js';

export function testSeatbeltProfile(spec: TestSandboxSpec, hideRules: string[]): string {
  const subpaths = (items: string[]): string[] => items.map((item) => `  (subpath ${sbplQuote(item)})`);
  const lines = [
    '(version 1)',
    '(allow default)',
    '(deny network*)',
    '(allow network* (local unix-socket))',
    '(deny file-write*)',
    '(allow file-write*',
    ...subpaths([spec.projectDir, ...spec.writable]),
    '  (literal "/dev/null") (literal "/dev/tty") (regex #"^/dev/fd/"))',
  ];
  if (spec.readOnly.length > 0) lines.push('(deny file-write*', ...subpaths(spec.readOnly), ')');
  // Seatbelt has no private mounts: the caches stay writable where they are.
  const inside = [...spec.writableInside, ...spec.freshInside];
  if (inside.length > 0) lines.push('(allow file-write*', ...subpaths(inside), ')');
  lines.push(...hideRules);
  return `${lines.join('\n')}\n`;
}
