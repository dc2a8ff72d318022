// SANDBOX_SYNC=copy next to mount on a 10,000-file project: the first send of the whole project, and a round's: a few
// files changed, then the test command (`true`) with the send before it and the bring-back after, against the same
// command in the mounted container.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { DockerSandbox } from '../../engine/sandbox/docker/docker-sandbox.js';
import type { DockerEngine } from '../../engine/sandbox/docker/find-docker-engine.js';
import { goal, ratio, type BenchReport, type Figure } from './bench-report.js';
import { bigRepoFile, makeBigRepo } from './round/make-big-repo.js';
import { stats } from './stats.js';

const projectFiles = 10_000;
const changedPerRound = 5;
const firstSyncs = 3;
/** Issue 30: a round's sync at most twice the mount mode's whole round in the sandbox. */
const roundSyncToMount = 2;

export async function measureCopySync(engine: DockerEngine, image: string, runs: number): Promise<BenchReport> {
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-copy-'));
  const sandboxes: DockerSandbox[] = [];
  const open = async (sync: 'mount' | 'copy'): Promise<DockerSandbox> => {
    const sandbox = new DockerSandbox(engine, { projectDir, image, runId: `bench-${sync}`, sync });
    sandboxes.push(sandbox);
    await sandbox.start();
    return sandbox;
  };
  try {
    await makeBigRepo(projectDir, projectFiles);
    // As a project some time after its last commit: objects packed, and an index written after the files (entries
    // written in the index's own second are "racily clean", which git settles by reading them).
    await execa('git', ['repack', '-a', '-d', '-q'], { cwd: projectDir });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await execa('git', ['update-index', '-q', '--refresh'], { cwd: projectDir });
    const first: number[] = [];
    for (let time = 0; time < firstSyncs; time++) {
      const copy = await open('copy');
      first.push(copy.firstSync!.ms);
      await copy.stop();
    }
    const mount = await open('mount');
    const copy = await open('copy');
    let edit = 0;
    const touch = (): void => {
      for (let file = 0; file < changedPerRound; file++)
        fs.appendFileSync(
          path.join(projectDir, bigRepoFile((edit * 37 + file * 101) % projectFiles)),
          `edit ${edit}\n`,
        );
      edit++;
    };
    const samples = { mount: [] as number[], copy: [] as number[], sync: [] as number[] };
    for (let run = 0; run < runs + 2; run++) {
      touch();
      let started = performance.now();
      await mount.exec('true', { timeoutMs: 30_000 });
      const mountMs = performance.now() - started;
      touch();
      const sync = await copy.syncNow();
      touch();
      started = performance.now();
      await copy.exec('true', { timeoutMs: 30_000 });
      const copyMs = performance.now() - started;
      // The first two are warm-up: caches of git, the engine and the file system.
      if (run < 2) continue;
      samples.mount.push(mountMs);
      samples.copy.push(copyMs);
      samples.sync.push(sync!.ms);
    }
    const figures: Figure[] = [
      { id: 'copy-first', label: `copy: first sync (${projectFiles} files, whole project)`, stats: stats(first) },
      { id: 'copy-sync', label: `copy: a round's sync (${changedPerRound} files changed)`, stats: stats(samples.sync) },
      {
        id: 'copy-round',
        label: 'copy: test command `true` with its sync and bring-back',
        stats: stats(samples.copy),
      },
      { id: 'mount-round', label: 'mount: test command `true`', stats: stats(samples.mount) },
    ];
    const figure = (id: string): Figure => figures.find((entry) => entry.id === id)!;
    const syncToMount = ratio("copy round's sync / mount round", figure('copy-sync'), figure('mount-round'));
    const roundToMount = ratio('copy round / mount round', figure('copy-round'), figure('mount-round'));
    return {
      name: 'sandbox',
      method:
        `a ${projectFiles}-file git project; first sync ${firstSyncs} times; then ${runs} rounds each way after 2 ` +
        `warm-up rounds, ${changedPerRound} files changed before each command, engine ${engine.where}`,
      figures,
      ratios: [syncToMount, roundToMount],
      goals: [
        goal(
          "a round's sync at most 2× the mount mode's round",
          syncToMount.label,
          roundSyncToMount,
          syncToMount.value,
        ),
      ],
      unavailable: [],
    };
  } finally {
    for (const sandbox of sandboxes) await sandbox.stop().catch(() => undefined);
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
}
