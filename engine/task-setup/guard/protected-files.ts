// factory's own files and the test runner's configuration, as they were when the run started: kept in
// .factory/protected.json, put back whenever they change, and new runner configuration is refused.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import * as z from 'zod';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { UserError } from '../../util/errors.js';
import { readSealed, writeSealed } from '../../run/record-seal.js';
import { sha256 } from './lock-store.js';
import type { Violation } from './restore-locked.js';
import { runnerConfigKind, watchedPart } from './runner-config.js';

const entrySchema = z.object({
  path: z.string(),
  /** factory: factory_config.md, RFP/, the script; config: the test runner's configuration. */
  what: z.enum(['factory', 'config']),
  content: z.string(),
  /** Hash of the watched part (the runner's section of a shared file; the whole text otherwise). */
  watched: z.string(),
});
const storeSchema = z.object({ files: z.array(entrySchema) });
type Entry = z.infer<typeof entrySchema>;

const rfpGlob = picomatch('RFP/**', { dot: true });
/** Asked of every file in the project each round: the prefix first. */
const isRfp = (file: string): boolean => file.startsWith('RFP/') && rfpGlob(file);
const hashOf = (file: string, text: string): string => sha256(watchedPart(file, text) ?? '');

export class ProtectedFiles {
  private constructor(
    private readonly file: string,
    readonly entries: Entry[],
  ) {}

  static load(file: string): ProtectedFiles {
    const text = readSealed(file);
    if (text === undefined) return new ProtectedFiles(file, []);
    const parsed = storeSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new UserError(`${file} is damaged (${parsed.error.issues[0]?.message}); run \`factory reset\``);
    return new ProtectedFiles(file, parsed.data.files);
  }

  /** At a new run's start: factory's files (given) and every runner configuration file present (the user's commit). */
  static take(
    file: string,
    projectDir: string,
    factoryFiles: readonly string[],
    present: readonly string[],
  ): ProtectedFiles {
    const entries: Entry[] = [];
    const add = (relative: string, what: Entry['what']): void => {
      const text = readText(path.join(projectDir, relative));
      if (text !== undefined && !entries.some((entry) => entry.path === relative))
        entries.push({ path: relative, what, content: text, watched: hashOf(relative, text) });
    };
    for (const relative of [...factoryFiles, ...present.filter((name) => isRfp(name))]) add(relative, 'factory');
    for (const relative of present.filter((name) => runnerConfigKind(name))) add(relative, 'config');
    const store = new ProtectedFiles(file, entries);
    store.save();
    return store;
  }

  /** Paths a worker may not write at all (shared files such as package.json are watched, not closed). */
  closedPaths(): string[] {
    return this.entries
      .filter((entry) => entry.what === 'factory' || runnerConfigKind(entry.path) === 'whole')
      .map((entry) => entry.path);
  }

  /** factory itself changed the file (a task ticked in RFP/tasks.md): that content is the one kept from now on. */
  accept(projectDir: string, relative: string): void {
    const entry = this.entries.find((candidate) => candidate.path === relative);
    const text = readText(path.join(projectDir, relative));
    if (!entry || text === undefined) return;
    Object.assign(entry, { content: text, watched: hashOf(relative, text) });
    this.save();
  }

  /**
   * Puts back every protected file that changed; with refuseNew, removes runner configuration (and RFP/ files)
   * that were not there at the start. listed: the files that may be new (some may be gone from the tree).
   */
  restore(projectDir: string, listed: readonly string[], refuseNew: boolean): Violation[] {
    const violations: Violation[] = [];
    for (const entry of this.entries) {
      const file = path.join(projectDir, entry.path);
      const text = readText(file);
      if (
        text !== undefined &&
        hashOf(entry.path, text) === entry.watched &&
        (entry.what === 'config' || text === entry.content)
      )
        continue;
      writeFileAtomic(file, entry.content);
      violations.push({
        path: entry.path,
        kind: text === undefined ? 'deleted' : 'edited',
        what: entry.what,
        detail: `${text === undefined ? 'deleted' : 'changed'}: restored`,
      });
    }
    if (!refuseNew) return violations;
    const known = new Set(this.entries.map((entry) => entry.path));
    for (const relative of listed) {
      if (known.has(relative) || !refusedWhenNew(projectDir, relative)) continue;
      if (!fs.existsSync(path.join(projectDir, relative))) continue;
      fs.rmSync(path.join(projectDir, relative), { force: true });
      violations.push({
        path: relative,
        kind: 'created',
        what: isRfp(relative) ? 'factory' : 'config',
        detail: 'created: removed (only the user adds runner configuration or RFP files)',
      });
    }
    return violations;
  }

  save(): void {
    writeSealed(this.file, `${JSON.stringify({ files: this.entries }, null, 2)}\n`);
  }
}

/** A file the model may not add: RFP/ files, whole runner configuration, or a shared file with a runner section. */
function refusedWhenNew(projectDir: string, relative: string): boolean {
  if (isRfp(relative)) return true;
  const kind = runnerConfigKind(relative);
  if (kind === 'whole') return true;
  if (kind !== 'section' || relative.endsWith('_test.go')) return false;
  const text = readText(path.join(projectDir, relative));
  return text !== undefined && Boolean(watchedPart(relative, text));
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
