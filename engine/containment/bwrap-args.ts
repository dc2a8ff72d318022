// bubblewrap's arguments for one agent CLI call: the whole system read-only but the home's secrets and other projects
// hidden, the project and the CLI's folders writable, .git and the locked files read-only again inside the project. The
// network stays: the CLIs need their API. No capabilities: run as root, the CLI could otherwise remount what is
// read-only.
import type { SandboxSpec } from './sandbox-spec.js';

/** protectedFiles: absolute paths, existing, inside the project; hide: bwrapHideArgs (hidden-paths.ts). */
export function bwrapArgs(spec: SandboxSpec, protectedFiles: string[], hide: string[] = []): string[] {
  const args = ['--die-with-parent', '--cap-drop', 'ALL', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc'];
  args.push(...hide);
  for (const folder of spec.writable) args.push('--bind', folder, folder);
  // Later mounts cover earlier ones: the project comes after the folders (a temp folder may hold it), then what it
  // protects.
  args.push(spec.writeProject ? '--bind' : '--ro-bind', spec.projectDir, spec.projectDir);
  for (const file of protectedFiles) args.push('--ro-bind', file, file);
  args.push('--chdir', spec.projectDir);
  return args;
}
