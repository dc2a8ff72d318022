// Applies one whole-file write or delete from model output, after the path check; refusals are reported, never thrown.
import fs from 'node:fs';
import path from 'node:path';
import { checkEditPath } from './safe-path.js';
import type { AgentActivity } from '../contract/agent-activity.js';

export type FileEdit = { path: string; content: string } | { path: string; delete: true };

export function applyEdit(
  projectDir: string,
  edit: FileEdit,
  locked: ReadonlySet<string>,
): AgentActivity & { kind: 'edit' } {
  const checked = checkEditPath(projectDir, edit.path, locked);
  if (!checked.ok) return { kind: 'edit', path: edit.path, action: 'refused', reason: checked.reason };
  if ('delete' in edit) {
    fs.rmSync(checked.absolute, { force: true });
    return { kind: 'edit', path: checked.relative, action: 'delete' };
  }
  if (fs.existsSync(checked.absolute) && fs.lstatSync(checked.absolute).isSymbolicLink())
    fs.unlinkSync(checked.absolute);
  fs.mkdirSync(path.dirname(checked.absolute), { recursive: true });
  fs.writeFileSync(checked.absolute, edit.content);
  return { kind: 'edit', path: checked.relative, action: 'write' };
}
