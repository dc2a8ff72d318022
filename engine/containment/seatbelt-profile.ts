// The macOS Seatbelt profile for sandbox-exec: reading and the network allowed, writing only to the project (unless
// read-only) and the CLI's own folders, never to .git or a locked file. Later rules win over earlier ones in SBPL.
import type { SandboxSpec } from './os-sandbox.js';

/** protectedFiles: absolute paths inside the project. */
export function seatbeltProfile(spec: SandboxSpec, protectedFiles: string[]): string {
  const writable = [...(spec.writeProject ? [spec.projectDir] : []), ...spec.writable].map(
    (item) => `  (subpath ${sbplQuote(item)})`,
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
    lines.push('(deny file-write*', ...protectedFiles.map((item) => `  (subpath ${sbplQuote(item)})`), ')');
  return `${lines.join('\n')}\n`;
}

/** SBPL strings are double-quoted with backslash escapes. */
export function sbplQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
