// The confined test run's bubblewrap arguments and Seatbelt profile, as text: the order that makes later mounts and
// rules win, the network closed, what stays writable inside what is read-only.
import { describe, expect, it } from 'vitest';
import { testBwrapArgs } from '../../../engine/containment/test-bwrap-args.js';
import { testSeatbeltProfile } from '../../../engine/containment/test-seatbelt-profile.js';
import type { TestSandboxSpec } from '../../../engine/containment/test-sandbox-spec.js';

const spec: TestSandboxSpec = {
  projectDir: '/home/u/proj',
  readOnly: ['/home/u/proj/.git', '/home/u/proj/node_modules', '/home/u/proj/tests/test_a.py'],
  writableInside: ['/home/u/proj/.factory/reports'],
  freshInside: ['/home/u/proj/node_modules/.vite'],
  writable: ['/tmp/factory-tests-1'],
  hide: ['--tmpfs', '/home/u/.ssh'],
  linkedInTemp: ['/tmp/checkout/node_modules'],
};

describe('the confined test run as bubblewrap and Seatbelt see it', () => {
  it('bubblewrap: no network, own PID namespace, no capabilities; private /tmp, then writable, project, read-only', () => {
    const args = testBwrapArgs(spec);
    expect(args.slice(0, 5)).toEqual(['--die-with-parent', '--unshare-net', '--unshare-pid', '--cap-drop', 'ALL']);
    const at = (...pair: string[]): number =>
      args.findIndex((_, index) => pair.every((word, offset) => args[index + offset] === word));
    expect(at('--tmpfs', '/tmp')).toBeGreaterThan(at('--ro-bind', '/', '/'));
    expect(at('--tmpfs', '/home/u/.ssh')).toBeGreaterThan(at('--tmpfs', '/tmp'));
    expect(at('--ro-bind', '/tmp/checkout/node_modules')).toBeGreaterThan(at('--tmpfs', '/tmp'));
    expect(at('--bind', '/tmp/factory-tests-1')).toBeGreaterThan(at('--tmpfs', '/home/u/.ssh'));
    expect(at('--bind', '/home/u/proj', '/home/u/proj')).toBeGreaterThan(at('--bind', '/tmp/factory-tests-1'));
    for (const item of spec.readOnly) expect(at('--ro-bind', item, item)).toBeGreaterThan(at('--bind', '/home/u/proj'));
    const modules = at('--ro-bind', '/home/u/proj/node_modules');
    expect(at('--bind', '/home/u/proj/.factory/reports')).toBeGreaterThan(modules);
    expect(at('--tmpfs', '/home/u/proj/node_modules/.vite')).toBeGreaterThan(modules);
    expect(args.slice(-2)).toEqual(['--chdir', '/home/u/proj']);
  });

  it('Seatbelt: network denied, writes only to the project and private folders, read-only paths denied after', () => {
    const profile = testSeatbeltProfile(spec, ['(deny file-read*', '  (subpath "/home/u/.ssh")', ')']);
    const lines = profile.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '(version 1)',
      '(allow default)',
      '(deny network*)',
      '(allow network* (local unix-socket))',
      '(deny file-write*)',
    ]);
    expect(profile).toContain('(allow file-write*\n  (subpath "/home/u/proj")\n  (subpath "/tmp/factory-tests-1")\n');
    const denied = profile.indexOf('(deny file-write*\n  (subpath "/home/u/proj/.git")');
    const allowedAgain = profile.indexOf(
      '(allow file-write*\n  (subpath "/home/u/proj/.factory/reports")\n  (subpath "/home/u/proj/node_modules/.vite")',
    );
    expect(denied).toBeGreaterThan(profile.indexOf('(subpath "/home/u/proj")'));
    expect(allowedAgain).toBeGreaterThan(denied);
    expect(profile.indexOf('(deny file-read*')).toBeGreaterThan(allowedAgain);
  });
});
