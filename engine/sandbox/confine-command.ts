// A test command inside the OS sandbox: bubblewrap on Linux, sandbox-exec on macOS. The runners' caches and temp
// files go to a private folder of the sandbox's, outside the project.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bwrapHideArgs, seatbeltHideRules, visibleTools } from '../containment/hidden-paths.js';
import type { OsSandbox } from '../containment/os-sandbox.js';
import { testBwrapArgs } from '../containment/test-bwrap-args.js';
import { testSeatbeltProfile } from '../containment/test-seatbelt-profile.js';
import {
  linkedInTemp,
  nestedNodeModules,
  readOnlyInProject,
  writableInProject,
  type TestSandboxSpec,
} from '../containment/test-sandbox-spec.js';

export type Confinement = {
  os: OsSandbox;
  /** The locked tests now (project-relative): they change from task to task. */
  lockedPaths: () => readonly string[];
};

/** What a sandbox keeps between its commands: its private folder, and the monorepo's package folders found once. */
export type ConfinedState = { privateDir: string; nested: readonly string[]; linkedInTemp: readonly string[] };

export type ConfinedCommand = { binary: string; args: string[]; env: Record<string, string> };

/** The state's privateDir: the sandbox's own folder outside the project (temp and caches), kept for the run. */
export function confineCommand(
  confinement: Confinement,
  projectDir: string,
  { privateDir, nested, linkedInTemp: linked }: ConfinedState,
  command: string,
  writableDirs: readonly string[] = [],
): ConfinedCommand {
  const caches = path.join(privateDir, 'cache');
  const temp = path.join(privateDir, 'tmp');
  for (const folder of [caches, temp]) fs.mkdirSync(folder, { recursive: true });
  const inside = writableInProject(projectDir);
  const spec: TestSandboxSpec = {
    projectDir,
    readOnly: readOnlyInProject(projectDir, confinement.lockedPaths(), nested),
    writableInside: inside.kept,
    freshInside: inside.fresh,
    writable: [privateDir, ...writableDirs.map((folder) => fs.realpathSync(folder))],
    hide: [],
    linkedInTemp: [...linked],
  };
  // The home's secrets and other projects are no test's business: hidden as from the agent CLIs.
  const home = process.env.HOME ?? os.homedir();
  const keep = [projectDir, ...spec.writable, ...visibleTools('', process.env.PATH ?? '', home)];
  // The user's own caches are read-only inside: the runners get private ones (go's build cache, npm's, XDG's).
  const env = {
    XDG_CACHE_HOME: caches,
    GOCACHE: path.join(caches, 'go-build'),
    npm_config_cache: path.join(caches, 'npm'),
    TMPDIR: confinement.os.kind === 'bubblewrap' ? '/tmp' : temp,
  };
  if (confinement.os.kind === 'bubblewrap')
    return {
      binary: confinement.os.binary,
      args: [...testBwrapArgs({ ...spec, hide: bwrapHideArgs(home, keep) }), '--', 'sh', '-c', command],
      env,
    };
  const profile = path.join(privateDir, 'test-sandbox.sb');
  fs.writeFileSync(profile, testSeatbeltProfile(spec, seatbeltHideRules(home, keep)));
  return { binary: confinement.os.binary, args: ['-f', profile, 'sh', '-c', command], env };
}

export function confinedState(projectDir: string): ConfinedState {
  const nested = nestedNodeModules(projectDir);
  return {
    privateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tests-')),
    nested,
    linkedInTemp: linkedInTemp(projectDir, nested, os.tmpdir()),
  };
}
