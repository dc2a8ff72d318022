// LEGO mode's checks on the files a task's rounds touched: at most 100 lines, and inside contracts/ tests/ actions/
// entry/.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export const legoFolders = ['contracts', 'tests', 'actions', 'entry'] as const;
const legoMaxLines = 100;

/**
 * Findings for the files that exist; exceptions are globs (LEGO_EXCEPTIONS) matched against the project-relative path.
 */
export function checkLego(projectDir: string, files: Iterable<string>, exceptions: readonly string[]): string[] {
  const excepted = picomatch(exceptions.length > 0 ? [...exceptions] : ['\0'], { dot: true });
  const findings: string[] = [];
  for (const file of [...new Set(files)].sort()) {
    if (excepted(file)) continue;
    const text = readText(path.join(projectDir, file));
    if (text === undefined) continue;
    if (!legoFolders.some((folder) => file.startsWith(`${folder}/`)))
      findings.push(
        `${file} is outside ${legoFolders.map((folder) => `${folder}/`).join(' ')}: move it into the folder of its job`,
      );
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > legoMaxLines)
      findings.push(`${file} has ${lines} lines (more than ${legoMaxLines}): split it into bricks with one job each`);
  }
  return findings;
}

function readText(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
