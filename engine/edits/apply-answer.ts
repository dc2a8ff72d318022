// Applies a parsed answer's edits inside the project, one by one; each edit is written or refused with a reason.
import fs from 'node:fs';
import { errorMessage } from '../util/errors.js';
import { applyEdit } from './apply-edit.js';
import type { ParsedEdit } from './parse-edits.js';
import { checkEditPath } from './safe-path.js';
import { replaceOnce } from './search-replace.js';
import type { AgentActivity } from '../contract/agent-activity.js';

export type EditActivity = AgentActivity & { kind: 'edit' };

export function applyParsedEdit(projectDir: string, edit: ParsedEdit, locked: ReadonlySet<string>): EditActivity {
  const refuse = (reason: string): EditActivity => ({ kind: 'edit', path: edit.path, action: 'refused', reason });
  const checked = checkEditPath(projectDir, edit.path, locked);
  if (!checked.ok) return refuse(checked.reason);
  const current = readText(checked.absolute);
  if (current === 'not a file') return refuse(`${checked.relative} is not a regular file`);
  let content: string;
  if (edit.kind === 'whole') {
    if (edit.content === '' && current)
      return refuse(
        `the whole-file block for ${checked.relative} is empty but the file is not; to change it, give its ` +
          'complete content',
      );
    content = edit.content;
  } else if (edit.search === '') {
    if (current)
      return refuse(
        `the SEARCH part is empty but ${checked.relative} already exists and is not empty; copy the lines to ` +
          'replace into SEARCH',
      );
    content = edit.replace;
  } else {
    if (current === undefined)
      return refuse(`${checked.relative} does not exist; to create it, leave SEARCH empty or write the whole file`);
    const replaced = replaceOnce(current, edit.search, edit.replace);
    if (!replaced.ok) return refuse(replaced.reason);
    content = replaced.content;
  }
  try {
    return applyEdit(projectDir, { path: edit.path, content }, locked);
  } catch (error) {
    return refuse(`could not write ${checked.relative}: ${errorMessage(error)}`);
  }
}

/** The file's text, undefined when it does not exist, 'not a file' for folders and other non-files. */
function readText(absolute: string): string | undefined | 'not a file' {
  if (!fs.existsSync(absolute)) return undefined;
  if (!fs.statSync(absolute).isFile()) return 'not a file';
  return fs.readFileSync(absolute, 'utf8');
}
