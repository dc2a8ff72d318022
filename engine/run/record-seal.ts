// factory's records in .factory/ (locks.json, protected.json) decide what a resumed or later run trusts, and .factory/
// is a plain folder in the project. Each time factory writes one it keeps its digest in the git folder, which no
// model may write (bound read-only for the CLIs, refused to the edit paths, put back byte for byte after each call):
// a record read back that does not match was written by something else and is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/errors.js';

const sealName = 'factory-records.json';
const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');
const sealSchema = z.record(z.string(), z.string());

/** The project's git folder: .git, or the folder a worktree's .git file names. */
function gitDir(projectDir: string): string {
  const dotGit = path.join(projectDir, '.git');
  try {
    if (fs.statSync(dotGit).isDirectory()) return dotGit;
    const [, named] = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8')) ?? [];
    if (named) return path.resolve(projectDir, named.trim());
  } catch {}
  return dotGit;
}

/** A record is .factory/<name>: its project is two folders up. */
const sealOf = (record: string): string => path.join(gitDir(path.dirname(path.dirname(record))), sealName);
const keyOf = (record: string): string => path.basename(record);

function readSeal(seal: string): Record<string, string> {
  if (!fs.existsSync(seal)) return {};
  const parsed = sealSchema.safeParse(JSON.parse(fs.readFileSync(seal, 'utf8')));
  return parsed.success ? parsed.data : {};
}

/** Writes the record and keeps its digest. */
export function writeSealed(record: string, content: string): void {
  writeFileAtomic(record, content);
  const seal = sealOf(record);
  writeFileAtomic(seal, `${JSON.stringify({ ...readSeal(seal), [keyOf(record)]: sha256(content) }, null, 2)}\n`);
}

/**
 * The record's text (undefined when factory never wrote one); a record that is not what factory last wrote (changed,
 * made, or removed by something else) is refused with a UserError naming it.
 */
export function readSealed(record: string): string | undefined {
  const seal = sealOf(record);
  const expected = readSeal(seal)[keyOf(record)];
  const text = fs.existsSync(record) ? fs.readFileSync(record, 'utf8') : undefined;
  if (text === undefined && expected === undefined) return undefined;
  if (text !== undefined && expected === sha256(text)) return text;
  const what =
    text === undefined ? 'was removed' : expected === undefined ? 'was not written by factory' : 'was changed';
  throw new UserError(
    `${path.relative(path.dirname(path.dirname(record)), record)} ${what} outside factory (it does not match the ` +
      `digest factory keeps in ${path.relative(path.dirname(path.dirname(record)), seal)}): refused, the run does not ` +
      'read it and nothing was restored or run. Your files are as they are now; `factory reset` drops the records ' +
      'and starts over',
  );
}

/** factory reset: the records go, and so do their digests. */
export function dropSeals(projectDir: string): void {
  fs.rmSync(path.join(gitDir(projectDir), sealName), { force: true });
}
