// The user's Gemini CLI settings, read as Gemini CLI reads them (JSON with comments), for the call's own copy.
import fs from 'node:fs';
import { errorMessage, UserError } from '../../util/errors.js';

/**
 * The settings in `file`, {} when there is none. A file that does not read as a JSON object is an error, as it is to
 * Gemini CLI, which refuses to start: going on without it would also leave the call without factory's tools.
 */
export function userSettings(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutComments(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw broken(file, errorMessage(error));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw broken(file, 'not a JSON object');
  return parsed as Record<string, unknown>;
}

function broken(file: string, why: string): UserError {
  return new UserError(`gemini: your settings file ${file} does not read (${why}); Gemini CLI refuses it too: fix it`);
}

/** `//` and `/* *\/` comments blanked outside strings, as Gemini CLI's strip-json-comments does. */
function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const next = text[at + 1];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++at] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '/' && (next === '/' || next === '*')) {
      const end = next === '/' ? text.indexOf('\n', at) : text.indexOf('*/', at + 2);
      at = end === -1 ? text.length : next === '/' ? end - 1 : end + 1;
      out += ' ';
    } else {
      inString = char === '"';
      out += char;
    }
  }
  return out;
}
