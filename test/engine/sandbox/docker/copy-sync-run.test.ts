// A whole run with SANDBOX_SYNC=copy on a second Docker engine (its own dockerd on a loopback TCP port, as one on
// another machine would be): no bind mount, /app holds exactly the project's files, each test run sees the worker's
// edits and deletions, the pytest report written in the container comes back and is read, .git stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../../engine/config/load-config.js';
import { runDoctor } from '../../../../engine/doctor/run-doctor.js';
import { createEngine } from '../../../../engine/engine.js';
import type { FactoryEvent } from '../../../../engine/contract/events.js';
import { createSandbox } from '../../../../engine/sandbox/create-sandbox.js';
import { labels, projectId } from '../../../../engine/sandbox/docker/container-spec.js';
import type { DockerSandbox } from '../../../../engine/sandbox/docker/docker-sandbox.js';
import { dockerForTests } from '../../../support/docker-for-tests.js';
import { makePythonProject } from '../../../support/python-project.js';
import { type SecondEngine, startSecondEngine } from '../../../support/second-docker-engine.js';

const docker = await dockerForTests();
const title = docker.skipReason
  ? `copy sync on a second engine (${docker.skipReason})`
  : 'copy sync on a second engine';

/**
 * Runs inside pytest in the container at every test run: records what /app holds (without .git and .factory), what
 * calc.py says, and whether .git could be written or renamed, in a report file under .factory/reports/.
 */
const observer = `import json, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
ROOT = os.path.dirname(os.path.abspath(__file__))


def pytest_sessionstart(session):
    files = []
    for at, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d != ".git" and not (at == ROOT and d == ".factory")]
        files += [os.path.relpath(os.path.join(at, name), ROOT) for name in names]
    calc = os.path.join(ROOT, "calc.py")
    git = []
    try:
        with open(os.path.join(ROOT, ".git", "HEAD"), "a") as head:
            head.write("hacked\\n")
        git.append("HEAD written")
    except OSError:
        pass
    try:
        os.rename(os.path.join(ROOT, ".git"), os.path.join(ROOT, "git-moved"))
        git.append("renamed")
    except OSError:
        pass
    seen = {"root": ROOT, "files": sorted(files), "calc": open(calc).read() if os.path.exists(calc) else None, "git": git}
    os.makedirs(os.path.join(ROOT, ".factory", "reports"), exist_ok=True)
    with open(os.path.join(ROOT, ".factory", "reports", "seen-%d.json" % time.time_ns()), "w") as out:
        json.dump(seen, out)
`;

type Seen = { root: string; files: string[]; calc: string | null; git: string[] };

describe.skipIf(!docker.engine)(title, () => {
  let second: SecondEngine;
  let dir: string;

  beforeAll(async () => {
    second = await startSecondEngine(docker.image);
  }, 180_000);

  afterAll(async () => {
    await second?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a Python project red to green through the copied project, the container holding exactly its files', async () => {
    dir = await makePythonProject({
      config: {
        SANDBOX: 'docker',
        SANDBOX_SYNC: 'copy',
        SANDBOX_IMAGE: docker.image,
        TEST_CMD: 'python3 -m pytest -rA -q -p no:cacheprovider',
      },
      files: {
        'conftest.py': observer,
        'old_helper.py': 'HELPER = 1\n',
        '.gitignore': '*.log\n.factory/\n',
      },
      script: {
        worker: [
          { write: { 'calc.py': 'def add(a, b):\n    return 0\n' }, delete: ['old_helper.py'] },
          { write: { 'calc.py': 'def add(a, b):\n    return a + b\n' } },
        ],
      },
    });
    fs.writeFileSync(path.join(dir, 'notes.py'), 'NOTE = "untracked, not ignored"\n');
    fs.writeFileSync(path.join(dir, 'debug.log'), 'ignored\n');
    const projectFiles = (await execa('git', ['ls-files', '-co', '--exclude-standard'], { cwd: dir })).stdout
      .split('\n')
      .sort();

    const config = loadConfig(dir);
    const { sandbox } = await createSandbox(dir, config, { env: { DOCKER_HOST: second.host } });
    const copySandbox = sandbox as DockerSandbox;
    expect(copySandbox.sync).toBe('copy');
    expect(sandbox.describe()).toContain(`via DOCKER_HOST=${second.host}`);
    const mounts: unknown[][] = [];
    const started = sandbox.start.bind(sandbox);
    sandbox.start = async () => {
      await started();
      const [info] = await second.engine.docker.listContainers({
        filters: { label: [`${labels.project}=${projectId(dir)}`] },
      });
      mounts.push((await second.engine.docker.getContainer(info!.Id).inspect()).Mounts);
    };
    const engine = createEngine({ projectDir: dir, config, ...createAgents(dir, config), sandbox, allowDirty: true });
    const events: FactoryEvent[] = [];
    engine.on((event) => events.push(event));
    const { exitCode } = await engine.run();

    const results = events.flatMap((event) => (event.type === 'tests:finished' ? [event] : []));
    expect(exitCode).toBe(0);
    expect(results.map((event) => event.result.green)).toEqual([false, false, true]);
    // The pytest report was written in the container's verdict folder and read back: per-test results, not the text.
    for (const event of results) expect(event.result.source).toMatch(/junit|report/i);
    expect(mounts).toEqual([[]]);

    const reports = path.join(dir, '.factory/reports');
    const seen = fs
      .readdirSync(reports)
      .filter((name) => name.startsWith('seen-'))
      .sort()
      .map((name) => JSON.parse(fs.readFileSync(path.join(reports, name), 'utf8')) as Seen);
    // One per test run: the baseline, the two rounds, and the task's check after green.
    expect(seen.length).toBeGreaterThanOrEqual(results.length);
    expect(seen[0]!.root).toBe('/app');
    // The baseline: exactly the tracked and the untracked-not-ignored files (debug.log is ignored).
    expect(seen[0]!.files).toEqual(projectFiles);
    expect(seen[0]!.files).toContain('notes.py');
    expect(seen[0]!.files).not.toContain('debug.log');
    expect(seen[0]!.calc).toBeNull();
    // Round 1: the worker's calc.py is there, the file it deleted is gone.
    expect(seen[1]!.calc).toBe('def add(a, b):\n    return 0\n');
    expect(seen[1]!.files).toContain('calc.py');
    expect(seen[1]!.files).not.toContain('old_helper.py');
    for (const run of seen.slice(2)) expect(run.calc).toBe('def add(a, b):\n    return a + b\n');
    for (const run of seen) expect(run.git).toEqual([]);
    // The run moved HEAD to its branch; nothing from the container came with it.
    expect(fs.readFileSync(path.join(dir, '.git/HEAD'), 'utf8')).toMatch(/^ref: refs\/heads\/factory\/[\d-]+\n$/);
    expect(fs.existsSync(path.join(dir, 'git-moved'))).toBe(false);
    const left = await second.engine.docker.listContainers({
      all: true,
      filters: { label: [`${labels.project}=${projectId(dir)}`] },
    });
    expect(left).toEqual([]);
  }, 240_000);

  it('doctor names the engine, the sync auto chose for it and the time one sync of the project takes', async () => {
    const project = await makePythonProject({
      config: { SANDBOX: 'docker', SANDBOX_IMAGE: docker.image, TEST_CMD: 'python3 -m pytest -q -p no:cacheprovider' },
      script: {},
    });
    try {
      const infos: string[] = [];
      const results = await runDoctor({
        projectDir: project,
        flags: {},
        userDefaults: {},
        sandboxFor: async (config) => {
          const choice = await createSandbox(project, config, { env: { DOCKER_HOST: second.host } });
          if (choice.info) infos.push(choice.info);
          return choice;
        },
      });
      expect(infos).toEqual([
        expect.stringMatching(/^SANDBOX_SYNC=auto: the Docker engine \(DOCKER_HOST=tcp:.*copied/),
      ]);
      const sync = results.find((result) => result.name === 'sync');
      expect(sync).toMatchObject({ status: 'ok' });
      expect(sync?.detail).toMatch(
        new RegExp(
          `^engine DOCKER_HOST=${second.host}; SANDBOX_SYNC=copy: the whole project \\(\\d+ files and folders\\) ` +
            'sent in \\d+ ms, a sync with nothing changed \\d+ ms$',
        ),
      );
      expect(results.find((result) => result.name === 'sandbox')).toMatchObject({ status: 'ok' });
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
