// What doctor and the run's start say about containment when a layer is missing, and the macOS profile's rules.
import { describe, expect, it } from 'vitest';
import { checkContainment } from '../../../engine/doctor/check-containment.js';
import { containmentLine } from '../../../engine/containment/containment-summary.js';
import { seatbeltProfile } from '../../../engine/containment/seatbelt-profile.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { makeProject } from '../../support/project.js';

const none = {
  kind: 'none' as const,
  reason: 'bubblewrap (bwrap) is not installed',
  fix: 'install it: apt install bubblewrap',
};

describe('containment summary', () => {
  it('warns per CLI engine when there is no OS sandbox, naming what is missing and what still holds', () => {
    const config = loadConfig(
      makeProject({ config: { AI_ENGINE: 'claude', SUPERVISOR: 'ollama', SUPERVISOR_MODEL: 'm' } }),
    );
    const [claude, ollama] = checkContainment(config, none);
    expect(claude).toMatchObject({
      name: 'containment claude',
      status: 'warn',
      fix: 'install it: apt install bubblewrap',
    });
    expect(claude?.detail).toMatch(
      /^MISSING OS sandbox: bubblewrap \(bwrap\) is not installed; in force: permission rules: .*factory checks the work tree after every call/,
    );
    expect(ollama).toMatchObject({ name: 'containment ollama', status: 'ok' });
    expect(containmentLine(config, none)).toBe(
      "containment: NO OS SANDBOX (bubblewrap (bwrap) is not installed; install it: apt install bubblewrap); in force: claude permission rules and factory's checks after each call",
    );
    expect(containmentLine(config, { kind: 'bubblewrap', binary: 'bwrap' })).toBe(
      'containment: claude run in the OS sandbox (bubblewrap), under its permission rules',
    );
  });

  it('writes a Seatbelt profile that denies writes but to the project and the CLI folders, and .git and locked files again', () => {
    const spec = {
      projectDir: '/Users/me/p',
      writeProject: true,
      protectedPaths: ['.git'],
      writable: ['/Users/me/.claude'],
    };
    const profile = seatbeltProfile(spec, ['/Users/me/p/.git', '/Users/me/p/tests/test "a".py']);
    expect(profile).toBe(
      [
        '(version 1)',
        '(allow default)',
        '(deny file-write*)',
        '(allow file-write*',
        '  (subpath "/Users/me/p")',
        '  (subpath "/Users/me/.claude")',
        '  (literal "/dev/null") (literal "/dev/tty") (regex #"^/dev/fd/") (regex #"^/dev/ttys"))',
        '(deny file-write*',
        '  (subpath "/Users/me/p/.git")',
        '  (subpath "/Users/me/p/tests/test \\"a\\".py")',
        ')',
        '',
      ].join('\n'),
    );
    expect(seatbeltProfile({ ...spec, writeProject: false }, [])).not.toContain('/Users/me/p"');
  });
});
