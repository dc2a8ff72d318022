// Shows the model the project's files (it has no tools to read them): git-visible text files, within a size budget.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';

const budgetChars = 120_000;
const maxFileChars = 40_000;
const skipped = /^(?:\.factory|RFP|node_modules|\.venv|venv|__pycache__|\.pytest_cache)\//;

export async function describeProjectFiles(projectDir: string, locked: ReadonlySet<string>): Promise<string> {
  const listed = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectDir,
    reject: false,
  });
  const files = listed.exitCode === 0 ? [...new Set(listed.stdout.split('\0').filter(Boolean))].sort() : [];
  const shown: string[] = [];
  const named: string[] = [];
  let used = 0;
  for (const file of files.filter((name) => !skipped.test(name) && name !== 'factory_config.md')) {
    const text = readSmallText(path.join(projectDir, file));
    const lockNote = locked.has(file) ? ' (locked: read only)' : '';
    if (text === undefined || used + text.length > budgetChars) {
      named.push(`- ${file}${lockNote}`);
      continue;
    }
    used += text.length;
    const fence = text.includes('```') ? '````' : '```';
    shown.push(`${file}${lockNote}\n${fence}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}`);
  }
  if (shown.length === 0 && named.length === 0) return '## Project files\nThe project has no files yet.';
  const parts = ['## Project files (current content)', ...shown];
  if (named.length > 0) parts.push(`Other files (not shown):\n${named.join('\n')}`);
  return parts.join('\n\n');
}

function readSmallText(file: string): string | undefined {
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile() || stat.size > maxFileChars) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}
