// One file's scan, by its language: Python and JavaScript/TypeScript; other files are not scanned.
import type { FileRole } from './file-role.js';
import type { CodeFinding } from './finding.js';
import { scanJavaScript } from './scan-javascript.js';
import { scanPython } from './scan-python.js';

const javascript = /\.(?:[cm]?[jt]sx?)$/;

export const isScannable = (file: string): boolean => file.endsWith('.py') || javascript.test(file);

export function scanFile(file: string, source: string, role: FileRole): CodeFinding[] {
  if (file.endsWith('.py')) return scanPython(file, source, role);
  if (javascript.test(file)) return scanJavaScript(file, source, role);
  return [];
}
