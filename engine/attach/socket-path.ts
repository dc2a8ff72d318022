// Where the engine of a project listens for dashboards: .factory/engine.sock, or a short path in the temp folder when
// that is too long.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { factoryPaths } from '../reports/factory-dir.js';

/** Unix socket paths are cut at 108 bytes on Linux (104 on macOS); stay clear of both. */
const maxSocketPath = 100;

export type AttachInfo = { socket: string; pid: number; startedAt: string };

/**
 * The record a serving engine leaves in .factory/ so others can find it even when the socket lives in the temp folder.
 */
export const attachInfoFile = (projectDir: string): string => path.join(factoryPaths(projectDir).root, 'attach.json');

export function socketPathFor(projectDir: string): string {
  const preferred = path.join(factoryPaths(projectDir).root, 'engine.sock');
  if (Buffer.byteLength(preferred) <= maxSocketPath) return preferred;
  // node:crypto (about 40 of Node's internal modules) is loaded only for such a path: the dashboard's first frame
  // passes here and rarely needs it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const key = createHash('sha256').update(path.resolve(projectDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `factory-${key}.sock`);
}

export function readAttachInfo(projectDir: string): AttachInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(attachInfoFile(projectDir), 'utf8')) as AttachInfo;
  } catch {
    return undefined;
  }
}
