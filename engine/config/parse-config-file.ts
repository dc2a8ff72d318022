// Reads the KEY=value lines of factory_config.md (Markdown around them is ignored) and checks each one.
import type { ConfigProblem } from './config-error.js';
import { checkSetting } from './check-setting.js';
import { caseHint } from './suggest.js';
import { findKey } from './keys.js';

type Setting = { value: string; line: number };
export type ParsedConfig = { settings: Map<string, Setting>; problems: ConfigProblem[] };

// A setting line: optional list bullet or backtick, a key, '=', the value. Keys are upper case; a lower-case one is
// reported when it names (or nearly names) a setting, and otherwise left as prose.
const settingLine = /^\s*(?:[-*+]\s+)?`?([A-Za-z][A-Za-z0-9_]*)\s*=(.*)$/;

/**
 * Problems listed one by one; past this many, one line counts the rest (a huge file of bad lines stays readable).
 * @internal the tests size their input by it.
 */
export const maxProblems = 20;

export function parseConfigText(text: string, file: string): ParsedConfig {
  const settings = new Map<string, Setting>();
  const problems: ConfigProblem[] = [];
  let more = 0;
  const report = (problem: ConfigProblem): void => {
    if (problems.length < maxProblems) problems.push(problem);
    else more++;
  };
  const lines = text.split(/\r?\n/);
  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    const [, key, value] = settingLine.exec(content) ?? [];
    if (key === undefined || value === undefined) continue;
    const upper = key.toUpperCase();
    if (problems.length >= maxProblems) {
      // Past the cap only counting is left: no suggestions to look for (they cost an edit distance per key).
      const known = key === upper && findKey(key) && !settings.has(key);
      if (known ? 'problem' in checkSetting(key, unwrap(value), file, line) : key === upper || findKey(upper)) more++;
      // Only remembered to find a key set twice: with problems listed the load fails anyway.
      if (known) settings.set(key, { value: '', line });
      continue;
    }
    if (key !== upper && !caseHint(key)) continue;
    const raw = unwrap(value);
    const earlier = settings.get(key);
    if (earlier) {
      report({ file, line, key, message: `${key} is set twice (first on line ${earlier.line}); keep one` });
      continue;
    }
    const checked = checkSetting(key, raw, file, line);
    if ('problem' in checked) report(checked.problem);
    else settings.set(key, { value: checked.value, line });
  }
  if (more > 0) problems.push({ file, message: `… and ${more} more problem(s) like these` });
  return { settings, problems };
}

/** Decodes the file's bytes, refusing what is not UTF-8 rather than guessing. */
export function decodeConfigBytes(bytes: Uint8Array, file: string): { text: string } | { problem: ConfigProblem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = firstBadLine(bytes);
    return { problem: { file, line, message: 'is not valid UTF-8 text; save it as UTF-8' } };
  }
}

function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 10) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      start = index + 1;
      line++;
    }
  }
  return 1;
}

/** Drops a trailing comment, surrounding quotes and a closing backtick. */
function unwrap(raw: string): string {
  let value = dropComment(raw).trim();
  if (value.endsWith('`')) value = value.slice(0, -1).trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/**
 * A `#` starts a comment only when whitespace comes before it and it is outside quotes: `TEST_CMD=sh -c 'echo #1'`
 * and `TASKS="a #b"` keep theirs. A quote that never closes (an apostrophe in prose) protects nothing.
 */
function dropComment(raw: string): string {
  const cut = commentStart(raw, true) ?? commentStart(raw, false);
  return cut === undefined ? raw : raw.slice(0, cut);
}

/** Where the comment starts; undefined when there is none, or when honouring quotes a quote is left open. */
function commentStart(raw: string, quotes: boolean): number | undefined {
  let open: string | undefined;
  let previous = '';
  for (const [index, char] of raw.split('').entries()) {
    if (open) {
      if (char === open) open = undefined;
    } else if (quotes && (char === '"' || char === "'")) {
      open = char;
    } else if (char === '#' && /\s/.test(previous)) {
      return index;
    }
    previous = char;
  }
  return quotes && open ? undefined : raw.length;
}
