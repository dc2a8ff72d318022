// The macOS Seatbelt profile for sandbox-exec: reading (but not the home's secrets and other projects) and the network
// allowed, writing only to the project (unless
// read-only) and the CLI's own folders, never to .git or a locked file. Later rules win over earlier ones in SBPL.
import { sbplQuote as quote } from './hidden-paths.js';
import type { SandboxSpec } from './sandbox-spec.js';

/** protectedFiles: absolute paths inside the project; hide: seatbeltHideRules (hidden-paths.ts). */
export function seatbeltProfile(spec: SandboxSpec, protectedFiles: string[], hide: string[] = []): string {
  const writable = [...(spec.writeProject ? [spec.projectDir] : []), ...spec.writable].map(
    (item) => `  (subpath ${quote(item)})`,
  );
  const lines = [
    '(version 1)',
    '(allow default)',
    '(deny file-write*)',
    '(allow file-write*',
    ...writable,
    '  (literal "/dev/null") (literal "/dev/tty") (regex #"^/dev/fd/") (regex #"^/dev/ttys"))',
  ];
  if (protectedFiles.length > 0)
    lines.push('(deny file-write*', ...protectedFiles.map((item) => `  (subpath ${quote(item)})`), ')');
  lines.push(...hide);
  return `${lines.join('\n')}\n`;
}
