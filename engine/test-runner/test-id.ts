// One shape for every test id, whichever runner or report it came from: "path/in/project::name", '/' separators, no
// "./".
import path from 'node:path';
import { textBefore } from '../util/text-before.js';

/** Between the file and the test's name: pytest's own separator, used for every runner. */
export const idSeparator = '::';

/**
 * A path as factory compares it: project-relative, '/' separators, no "./", no doubled or trailing '/'.
 * An absolute path under one of `roots` (the project on the host, or as the sandbox sees it, /app) is made relative to
 * it.
 */
export function normaliseTestPath(file: string, roots: readonly string[] = []): string {
  let text = file.trim().replace(/\\/g, '/');
  if (text.startsWith('/')) {
    for (const root of roots) {
      const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
      if (text === base) return '';
      if (text.startsWith(`${base}/`)) {
        text = text.slice(base.length + 1);
        break;
      }
    }
  }
  const normal = path.posix.normalize(text);
  if (normal === '.' || normal === './') return '';
  return normal.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * A test id with its file part normalised ("./game.spec.js::adds" -> "game.spec.js::adds"); the name is kept, trimmed.
 */
export function normaliseTestId(id: string, roots: readonly string[] = []): string {
  const at = id.indexOf(idSeparator);
  if (at < 0) return normaliseTestPath(id, roots);
  const name = id.slice(at + idSeparator.length).trim();
  return `${normaliseTestPath(id.slice(0, at), roots)}${idSeparator}${name}`;
}

/**
 * A task's pattern in the ids' shape ("./game.spec.js" -> "game.spec.js"); a folder ("tests/unit/") matches what is in
 * it.
 */
export function normaliseTestPattern(pattern: string): string {
  const folder = /[\\/]\s*$/.test(pattern);
  const normal = pattern.includes('::') ? normaliseTestId(pattern) : normaliseTestPath(pattern);
  return folder ? `${normal}/**` : normal;
}

/** The id of a test named `name` in `file`; a file-level id (a file that did not load) when there is no name. */
export function testId(file: string, name?: string, roots: readonly string[] = []): string {
  const where = normaliseTestPath(file, roots);
  const what = name?.trim();
  if (!what) return where;
  return where ? `${where}${idSeparator}${what}` : what;
}

/** The file part of a test id ("tests/test_a.py::test_x" -> "tests/test_a.py"). */
export function fileOfTestId(id: string): string {
  return textBefore(id, idSeparator);
}
