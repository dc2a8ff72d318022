// The locked tests of a run, kept in .factory/locks.json: each file's hash and content, and the tests it must run.
import crypto from 'node:crypto';
import * as z from 'zod';
import { factoryPaths } from '../../reports/factory-dir.js';
import { readSealed, writeSealed } from '../../run/record-seal.js';
import { UserError } from '../../util/errors.js';

const lockSchema = z.object({
  path: z.string(),
  task: z.number(),
  sha256: z.string(),
  content: z.string(),
  /** Test ids the file ran when locked (empty until a run names them: a missing module stops collection). */
  tests: z.array(z.string()),
  /** Least number of tests the file must collect, from its source. */
  minTests: z.number(),
  /** Tests skipped when locked (by id when known, else by marker count): more than that is "newly skipped". */
  allowedSkips: z.number(),
  /** reviewer: written and locked by the tests phase; user: the user's own test file, locked as the run found it. */
  origin: z.enum(['reviewer', 'user']).default('reviewer'),
});
/** tested: tasks whose tests phase is done, so an unlocked test is not written and locked again. */
const locksSchema = z.object({ locks: z.array(lockSchema), tested: z.array(z.number()).default([]) });

export type Lock = z.infer<typeof lockSchema>;

/** The project's locked tests as its records say now (the confined test sandbox keeps them read-only). */
export const lockedPathsReader =
  (projectDir: string): (() => string[]) =>
  () =>
    LockStore.load(factoryPaths(projectDir).locks).paths();

export const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

export class LockStore {
  private constructor(
    private readonly file: string,
    readonly locks: Lock[],
    private readonly tested: number[],
  ) {}

  static load(file: string): LockStore {
    const text = readSealed(file);
    if (text === undefined) return new LockStore(file, [], []);
    const parsed = locksSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new UserError(
        `${file} is damaged (${parsed.error.issues[0]?.message}); remove it to drop every lock, or run ` +
          `\`factory reset\``,
      );
    return new LockStore(file, parsed.data.locks, parsed.data.tested);
  }

  paths(): string[] {
    return this.locks.map((lock) => lock.path);
  }

  /** Records the test ids of locks whose tests a run showed for the first time. */
  learn(ids: ReadonlyMap<string, string[]>): void {
    for (const lock of this.locks) lock.tests = ids.get(lock.path) ?? lock.tests;
    this.save();
  }

  isTested(task: number): boolean {
    return this.tested.includes(task);
  }

  markTested(task: number): void {
    if (!this.tested.includes(task)) this.tested.push(task);
    this.save();
  }

  /** A new run locks the user's tests afresh from the user's commit: the last run's user locks go. */
  dropUserLocks(): void {
    this.locks.splice(0, this.locks.length, ...this.locks.filter((lock) => lock.origin !== 'user'));
    this.save();
  }

  add(lock: Lock): void {
    this.remove(lock.path);
    this.locks.push(lock);
    this.save();
  }

  /** Returns whether the path was locked. */
  remove(path: string): boolean {
    const index = this.locks.findIndex((lock) => lock.path === path);
    if (index < 0) return false;
    this.locks.splice(index, 1);
    this.save();
    return true;
  }

  save(): void {
    writeSealed(this.file, `${JSON.stringify({ locks: this.locks, tested: this.tested }, null, 2)}\n`);
  }
}
