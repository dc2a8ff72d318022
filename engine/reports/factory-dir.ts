// The paths of everything the factory writes under .factory/.
import path from 'node:path';

export const factoryFolder = '.factory';

export function factoryPaths(projectDir: string) {
  const root = path.join(projectDir, factoryFolder);
  return {
    root,
    events: path.join(root, 'events.ndjson'),
    history: path.join(root, 'history.md'),
    latest: path.join(root, 'latest_report.md'),
    rounds: path.join(root, 'rounds'),
    round: (n: number) => path.join(root, 'rounds', `round_${n}.md`),
    prompts: path.join(root, 'prompts'),
    prompt: (n: number) => path.join(root, 'prompts', `round_${n}.md`),
    output: path.join(root, 'output'),
    /** The full streamed output of one round (task 0 round 0: the baseline), capped; events.ndjson keeps a part. */
    outputFile: (task: number, round: number, kind: 'tests' | 'agent') =>
      path.join(root, 'output', `task_${task}_round_${round}_${kind}.txt`),
    supervisorLog: path.join(root, 'supervisor_log.txt'),
    finalReport: path.join(root, 'final_report.md'),
    plan: path.join(root, 'plan.json'),
    baseline: path.join(root, 'baseline.json'),
    lock: path.join(root, 'run.lock'),
    locks: path.join(root, 'locks.json'),
    protected: path.join(root, 'protected.json'),
    /** The output of a run a dashboard started in the background. */
    engineLog: path.join(root, 'engine.log'),
  };
}

export type FactoryPaths = ReturnType<typeof factoryPaths>;
