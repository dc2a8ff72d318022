// What factory made in this checkout, kept inside its git folder so it outlives .factory/: the base it started
// from, the branches it created, the uncommitted work it saved for the user (--allow-dirty), and where each submodule
// it committed in stood before. Reset reads it.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';

const savedWorkSchema = z.object({
  runId: z.string(),
  /** The stash commit holding the work (also in `git stash list`, under `message`). */
  stash: z.string(),
  message: z.string(),
  files: z.array(z.string()),
});

/** A submodule as it was before factory first committed in it: its checked-out branch (none when detached) and commit. */
const submoduleSchema = z.object({
  /** Relative to the top superproject, '/' separators. */
  path: z.string(),
  branch: z.string().optional(),
  sha: z.string(),
});

/** A production line's worktree and branch, recorded before git makes them and dropped once both are gone. */
const lineSchema = z.object({ branch: z.string(), worktree: z.string() });

const recordsSchema = z.object({
  /** Where the first run started: a branch name, or a commit when HEAD was detached. */
  base: z.object({ ref: z.string(), detached: z.boolean() }).optional(),
  branches: z.array(z.string()).default([]),
  savedWork: z.array(savedWorkSchema).default([]),
  submodules: z.array(submoduleSchema).default([]),
  lines: z.array(lineSchema).default([]),
});

export type RunRecords = z.infer<typeof recordsSchema>;
export type SavedWork = z.infer<typeof savedWorkSchema>;
export type SubmoduleStart = z.infer<typeof submoduleSchema>;
export type LineRecord = z.infer<typeof lineSchema>;

/** The file's name inside the checkout's own git folder (per worktree: `git rev-parse --git-path`). */
export const recordsName = 'factory-runs.json';

export function readRecords(file: string): RunRecords {
  if (!fs.existsSync(file)) return { branches: [], savedWork: [], submodules: [], lines: [] };
  try {
    const parsed = recordsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Damaged: read as empty below; reset then falls back to the event log and deletes nothing it cannot name.
  }
  return { branches: [], savedWork: [], submodules: [], lines: [] };
}

export function writeRecords(file: string, records: RunRecords): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(records, null, 2)}\n`);
}
