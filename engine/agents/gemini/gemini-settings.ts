// The user's Gemini CLI settings, read as Gemini CLI reads them (JSON with comments, through the same
// strip-json-comments), for the call's own copy.
import fs from 'node:fs';
import stripJsonComments from 'strip-json-comments';
import { errorMessage, UserError } from '../../util/errors.js';

/**
 * The settings in `file`, {} when there is none. A file that does not read as a JSON object is an error, as it is to
 * Gemini CLI, which refuses to start: going on without it would also leave the call without factory's tools.
 */
export function userSettings(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw broken(file, errorMessage(error));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw broken(file, 'not a JSON object');
  return parsed as Record<string, unknown>;
}

function broken(file: string, why: string): UserError {
  return new UserError(`gemini: your settings file ${file} does not read (${why}); Gemini CLI refuses it too: fix it`);
}
