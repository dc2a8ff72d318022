// Before the tests run: every locked test that was edited, deleted, renamed or given skip markers is put back as
// locked.
import fs from 'node:fs';
import path from 'node:path';
import type { GuardedFile, GuardViolationKind } from '../../contract/events.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { Lock } from './lock-store.js';
import { sha256 } from './lock-store.js';
import { countSkipMarkers } from './skip-markers.js';

export type Violation = { path: string; kind: GuardViolationKind; detail: string; what?: GuardedFile };

/** changed: files new or changed since the last commit (candidates for a renamed copy). */
export function restoreLocked(projectDir: string, locks: readonly Lock[], changed: readonly string[]): Violation[] {
  const violations: Violation[] = [];
  for (const lock of locks) {
    const file = path.join(projectDir, lock.path);
    const current = readText(file);
    if (current !== undefined && sha256(current) === lock.sha256) continue;
    if (current === undefined) {
      const copy = changed.find(
        (candidate) => candidate !== lock.path && sameTests(readText(path.join(projectDir, candidate)), lock.content),
      );
      if (copy) fs.rmSync(path.join(projectDir, copy), { force: true });
      violations.push(
        copy
          ? { path: lock.path, kind: 'renamed', detail: `renamed to ${copy}: the rename was undone` }
          : { path: lock.path, kind: 'deleted', detail: 'deleted: restored' },
      );
    } else {
      const added = countSkipMarkers(current) - countSkipMarkers(lock.content);
      violations.push(
        added > 0
          ? { path: lock.path, kind: 'skip-marker', detail: `${added} skip marker(s) added: restored without them` }
          : { path: lock.path, kind: 'edited', detail: 'edited: restored to the locked content' },
      );
    }
    writeFileAtomic(file, lock.content);
  }
  return violations;
}

/** A renamed copy keeps the content, or at least every test name, of the locked file. */
function sameTests(text: string | undefined, locked: string): boolean {
  if (text === undefined) return false;
  if (text === locked) return true;
  const names = locked.match(/\bdef\s+test\w*|\b(?:it|test)\s*\(\s*['"][^'"]+['"]/g) ?? [];
  return names.length > 0 && names.every((name) => text.includes(name));
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
