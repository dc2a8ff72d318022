// Reads the edit blocks out of a model's answer, tolerating the usual slips; anything it cannot use becomes a problem
// with a reason.
import { maxEditBytes } from './edit-format.js';
import { lazyContentProblem } from './lazy-content.js';
import { findPath } from './path-line.js';

export type ParsedEdit =
  | { kind: 'whole'; path: string; content: string }
  | { kind: 'replace'; path: string; search: string; replace: string };
type ParseProblem = { path: string; reason: string };
export type ParsedAnswer = { edits: ParsedEdit[]; problems: ParseProblem[] };

const fenceLine = /^\s{0,3}(`{3,}|~{3,})\s*(.*?)\s*$/;
const searchMarker = /^\s*<{5,9}\s*SEARCH\s*$/i;
const dividerMarker = /^\s*={5,9}\s*$/;
const replaceMarker = /^\s*>{5,9}\s*REPLACE\s*$/i;
const noPath = '(no path)';

export function parseEdits(answer: string): ParsedAnswer {
  const lines = withoutThinking(answer.replace(/\r\n?/g, '\n')).split('\n');
  const result: ParsedAnswer = { edits: [], problems: [] };
  let pendingPath: string | undefined;
  let openFence: string | undefined;
  for (let index = 0, line = lines[0]; line !== undefined; line = lines[++index]) {
    if (searchMarker.test(line)) {
      index = readSearchReplace(lines, index, pendingPath, result);
      continue;
    }
    const fence = fenceLine.exec(line);
    if (fence && openFence !== undefined && closes(fence, openFence)) {
      openFence = undefined;
      pendingPath = undefined;
      continue;
    }
    const [, marker, info] = fence ?? [];
    if (marker !== undefined && info !== undefined && openFence === undefined) {
      const close = findClose(lines, index + 1, marker);
      const body = lines.slice(index + 1, close ?? lines.length);
      const path = findPath(info) ?? pendingPath;
      if (body.some((text) => searchMarker.test(text))) {
        openFence = marker;
        pendingPath = path;
        continue;
      }
      readWholeFile(path, info, body, close !== undefined, result);
      pendingPath = undefined;
      index = close ?? lines.length;
      continue;
    }
    if (line.trim() === '') continue;
    pendingPath = findPath(line);
  }
  return result;
}

/** Reads one SEARCH/REPLACE block starting at the SEARCH marker; returns the index of its last line. */
function readSearchReplace(lines: string[], start: number, path: string | undefined, result: ParsedAnswer): number {
  const search: string[] = [];
  const replace: string[] = [];
  let part: string[] = search;
  for (let index = start + 1, line = lines[index]; line !== undefined; line = lines[++index]) {
    if (part === search && dividerMarker.test(line)) part = replace;
    else if (part === replace && replaceMarker.test(line)) {
      if (!path)
        result.problems.push({
          path: noPath,
          reason: 'a SEARCH/REPLACE block had no file path on the line before its fence; it was not applied',
        });
      else result.edits.push({ kind: 'replace', path, search: joinLines(search), replace: joinLines(replace) });
      return index;
    } else if (searchMarker.test(line)) {
      result.problems.push({
        path: path ?? noPath,
        reason:
          'a SEARCH/REPLACE block was malformed (a new SEARCH began before the REPLACE marker); it was not applied',
      });
      return index - 1;
    } else part.push(line);
  }
  result.problems.push({
    path: path ?? noPath,
    reason:
      'a SEARCH/REPLACE block was not finished (no ' +
      `${part === search ? '======= divider' : '>>>>>>> REPLACE marker'}; answer cut off?); it was not applied`,
  });
  return lines.length;
}

function readWholeFile(
  path: string | undefined,
  info: string,
  body: string[],
  closed: boolean,
  result: ParsedAnswer,
): void {
  if (!path) {
    if (body.some((line) => line.trim() !== ''))
      result.problems.push({
        path: noPath,
        reason: 'a code block had no file path on the line before its fence; it was ignored',
      });
    return;
  }
  if (!closed) {
    result.problems.push({
      path,
      reason: 'its block was not closed with a fence (answer cut off?); the file was not written',
    });
    return;
  }
  const lazy = lazyContentProblem(path, info, body);
  if (lazy) {
    result.problems.push({ path, reason: `${lazy}; the file was not written` });
    return;
  }
  const content = joinLines(body);
  if (Buffer.byteLength(content) > maxEditBytes) {
    result.problems.push({
      path,
      reason:
        `its block is ${Buffer.byteLength(content)} bytes, over the ${maxEditBytes}-byte limit; the file was not ` +
        'written',
    });
    return;
  }
  result.edits.push({ kind: 'whole', path, content });
}

/**
 * Reasoning models (qwen3, deepseek-r1) think aloud in <think> tags, drafts included: only the answer after it counts.
 */
function withoutThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '');
}

function findClose(lines: string[], from: number, open: string): number | undefined {
  const at = lines.slice(from).findIndex((line) => closes(fenceLine.exec(line), open));
  return at === -1 ? undefined : from + at;
}

/** A closing fence: the same character, at least as long, with no info string. */
function closes(fence: RegExpExecArray | null, open: string): boolean {
  const [, marker, info] = fence ?? [];
  return marker !== undefined && info === '' && marker[0] === open[0] && marker.length >= open.length;
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
