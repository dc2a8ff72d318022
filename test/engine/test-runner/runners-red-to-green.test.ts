// Whole runs with each real runner on a project made in a temp folder: a task naming its test file, a task with the
// reviewer's locked tests, and an unrelated test failing from the start, red to green, results from the runner's report.
import { describe, expect, it } from 'vitest';
import { makeProject, read, runProject } from '../../support/scripted-project.js';
import { linkNodePackages, missingRunner, runnerProjects, runnerScript } from '../../support/runner-projects.js';

for (const project of runnerProjects)
  describe(`${project.name} through the loop`, () => {
    const skip = missingRunner(project);
    it.skipIf(skip)(
      `red to green: named tests, reviewer-locked tests, an old failure elsewhere${skip ? ` (${skip})` : ''}`,
      async () => {
        const dir = makeProject({
          tasks: [`Add numbers (tests: ${project.addTests})`, 'Multiply numbers'],
          settings: { ...project.settings, TEST_TIMEOUT: '240' },
          files: project.files,
          script: runnerScript(project),
        });
        if (project.nodePackages) linkNodePackages(dir, project.nodePackages);
        const run = await runProject(dir);
        const rounds = run.of('round:finished').map((event) => event.record);
        const why = rounds
          .map(
            (round) =>
              `${round.task}.${round.round}: ${round.tests.headline} ${JSON.stringify(round.judgement)}\n${round.tests.excerpt.slice(-1500)}`,
          )
          .join('\n');
        expect(run.result, why).toMatchObject({ outcome: 'green', exitCode: 0 });
        // A round that went otherwise says why (its headline, judgement and the end of its output).
        expect(
          rounds.map((round) => [round.task, round.round, round.green]),
          why,
        ).toEqual([
          [1, 1, false],
          [1, 2, true],
          [2, 1, true],
        ]);

        // (a) Task 1 named its file: its own tests decided, red in round 1 and green in round 2, by id under that file.
        expect(rounds[0]!.judgement.ownFailing.length).toBeGreaterThan(0);
        expect(rounds[0]!.judgement.ownFailing.every((id) => id.startsWith(`${project.addTests}::`))).toBe(true);
        const ownIds = Object.keys(rounds[1]!.tests.tests).filter((id) => id.startsWith(`${project.addTests}::`));
        expect(ownIds.length).toBeGreaterThan(0);
        const skipped = ownIds.filter((id) => rounds[1]!.tests.tests[id] === 'skipped');
        expect(skipped.length).toBe(project.skippedFromStart ?? 0);

        // (b) Task 2's tests came from the reviewer, ran red, were locked, and then passed.
        expect(run.of('tests:locked').map((event) => [event.task, event.files])).toEqual([[2, [project.mulTests]]]);
        expect(
          Object.entries(rounds[2]!.tests.tests)
            .filter(([id]) => id.startsWith(`${project.mulTests}::`))
            .map(([, outcome]) => outcome),
        ).toEqual(['passed']);

        // (c) The old failure is listed apart in every round and never blocks.
        for (const round of rounds) expect(round.judgement.failingBefore).toEqual([project.legacyId]);

        // Every round says where its results came from.
        for (const round of rounds) expect(round.tests.source).toMatch(project.source);
        expect(read(dir, '.factory/rounds/round_2.md')).toContain(`- Results from: ${rounds[1]!.tests.source}\n`);
      },
      400_000,
    );
  });
