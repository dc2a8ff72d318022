// The suite's results file: one entry per finished exercise (a rerun skips them), the totals, and its Markdown.
import fs from 'node:fs';
import path from 'node:path';
import type { ValveName } from '../../../engine/contract/events.js';
import { writeFileAtomic } from '../../../engine/util/atomic-write.js';
import { UserError } from '../../../engine/util/errors.js';
import { stats } from '../stats.js';

export type ExerciseResult = {
  name: string;
  language: string;
  solved: boolean;
  /** How the run ended: green, valve, failed, stopped or error. */
  outcome: string;
  reason: string;
  /** The valve that stopped it, when one did. */
  valve?: ValveName;
  rounds: number;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  testCommand: string;
  lastTests: string;
};

/** A result before anything happened: not solved, no rounds, nothing spent. */
export function blankResult(name: string, language: string, outcome = 'error', reason = ''): ExerciseResult {
  return {
    name,
    language,
    solved: false,
    outcome,
    reason,
    rounds: 0,
    durationMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    testCommand: '',
    lastTests: '',
  };
}

export type SuiteResults = {
  suite: string;
  /** The settings given on the command line: a rerun with other settings must use another results folder. */
  settings: Record<string, string>;
  exercises: ExerciseResult[];
};

export type SuiteTotals = {
  exercises: number;
  solved: number;
  solvedPercent: number;
  medianRoundsToGreen: number | null;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
};

export const resultFiles = (outDir: string) => ({
  json: path.join(outDir, 'results.json'),
  markdown: path.join(outDir, 'results.md'),
});

/** The results so far, or a fresh start; refuses results made with other settings. */
export function loadResults(outDir: string, suite: string, settings: Record<string, string>): SuiteResults {
  const file = resultFiles(outDir).json;
  if (!fs.existsSync(file)) return { suite, settings, exercises: [] };
  let saved: SuiteResults;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch (error) {
    throw new UserError(
      `bench suite: ${file} is not valid JSON (${(error as Error).message}); remove it or pass --fresh`,
    );
  }
  if (JSON.stringify(saved.settings) !== JSON.stringify(settings)) {
    throw new UserError(
      `bench suite: ${file} holds results made with other settings (${JSON.stringify(saved.settings)}); pass ` +
        '--fresh to start over or --out for another folder',
    );
  }
  return saved;
}

export function saveResults(outDir: string, results: SuiteResults): void {
  writeFileAtomic(resultFiles(outDir).json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileAtomic(resultFiles(outDir).markdown, renderResults(results));
}

export function suiteTotals(exercises: ExerciseResult[]): SuiteTotals {
  const solved = exercises.filter((exercise) => exercise.solved);
  const rounds = solved.map((exercise) => exercise.rounds).sort((a, b) => a - b);
  const sum = (pick: (exercise: ExerciseResult) => number): number =>
    exercises.reduce((total, exercise) => total + pick(exercise), 0);
  return {
    exercises: exercises.length,
    solved: solved.length,
    solvedPercent: exercises.length === 0 ? 0 : (100 * solved.length) / exercises.length,
    medianRoundsToGreen: rounds.length === 0 ? null : stats(rounds).median,
    durationMs: sum((exercise) => exercise.durationMs),
    inputTokens: sum((exercise) => exercise.inputTokens),
    outputTokens: sum((exercise) => exercise.outputTokens),
    costUsd: sum((exercise) => exercise.costUsd),
  };
}

function renderResults(results: SuiteResults): string {
  const totals = suiteTotals(results.exercises);
  const settings =
    Object.entries(results.settings)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ') || '(defaults)';
  const rows = results.exercises.map(
    (exercise) =>
      `| ${exercise.name} | ${exercise.language} | ${exercise.solved ? 'yes' : 'no'} | ${exercise.rounds} | ` +
      `${(exercise.durationMs / 1000).toFixed(1)} s | ${exercise.inputTokens + exercise.outputTokens} | ` +
      `$${exercise.costUsd.toFixed(4)} | ${exercise.valve ?? (exercise.solved ? '' : exercise.outcome)} |`,
  );
  return [
    `# factory bench suite: ${results.suite}`,
    '',
    `Settings: ${settings}`,
    '',
    '| exercise | language | solved | rounds | time | tokens | cost | stopped by |',
    '|---|---|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Solved ${totals.solved}/${totals.exercises} (${totals.solvedPercent.toFixed(0)}%), median rounds to green: ` +
      `${totals.medianRoundsToGreen ?? 'n/a'}, time ${(totals.durationMs / 1000).toFixed(1)} s, tokens ` +
      `${totals.inputTokens + totals.outputTokens}, cost $${totals.costUsd.toFixed(4)}`,
    '',
  ].join('\n');
}
