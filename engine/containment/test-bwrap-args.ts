// bubblewrap's arguments for one test command: the whole system read-only but the project, with what the code under
// test must not change read-only again inside it; a private /tmp, no network, its own PID namespace and no
// capabilities (as root it could otherwise remount what is read-only).
import type { TestSandboxSpec } from './test-sandbox-spec.js';

export function testBwrapArgs(spec: TestSandboxSpec): string[] {
  const args = ['--die-with-parent', '--unshare-net', '--unshare-pid', '--cap-drop', 'ALL'];
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp');
  args.push(...spec.hide);
  for (const folder of spec.linkedInTemp) args.push('--ro-bind', folder, folder);
  // Later mounts cover earlier ones: the private /tmp first, then what is writable (a temp folder may hold it), then
  // what the project protects, then the folders inside protected ones.
  for (const folder of spec.writable) args.push('--bind', folder, folder);
  args.push('--bind', spec.projectDir, spec.projectDir);
  for (const item of spec.readOnly) args.push('--ro-bind', item, item);
  for (const folder of spec.writableInside) args.push('--bind', folder, folder);
  for (const folder of spec.freshInside) args.push('--tmpfs', folder);
  args.push('--chdir', spec.projectDir);
  return args;
}
