// After a command in copy mode: what it changed in /app and the verdict folder comes back to the host, as a bind mount
// would have had it there: the files it wrote (getArchive of each changed path), the ones it removed. Never .git, never
// through a link, never outside the two folders.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import { execCollect } from './exec-collect.js';
import { appInside, type HostFiles, hostPathOf, type SyncRoots, verdictInsideRoot } from './host-files.js';
import { markPath } from './send-archive.js';

export type BroughtBack = { written: string[]; removed: string[] };

/**
 * Entries whose change time is after the mark's ("C"), and the entries of every changed folder ("L"), which tell what
 * was removed. GNU find: its -newercc compares change times, which no program can set back.
 */
const listScript = `m=${markPath}
find ${appInside} ${verdictInsideRoot} -name .git -prune -o -newercc "$m" -printf 'C%y%p\\0' 2>/dev/null
find ${appInside} ${verdictInsideRoot} -name .git -prune -o -type d -newercc "$m" -print0 2>/dev/null |
  xargs -0r sh -c 'for d; do find "$d" -mindepth 1 -maxdepth 1 -printf "L%y%p\\0"; done' sh 2>/dev/null
exit 0`;

/** The find and xargs the listing needs, checked once at start. */
export const listingCheck = `find / -maxdepth 0 -newercc / -printf '' && command -v xargs >/dev/null`;

type Listed = { type: string; at: string };

export async function bringBack(container: Docker.Container, roots: SyncRoots, sent: HostFiles): Promise<BroughtBack> {
  const listing = await execCollect(container, ['sh', '-c', listScript]);
  const changed: Listed[] = [];
  const children = new Map<string, Set<string>>();
  for (const item of listing.stdout.toString('utf8').split('\0')) {
    if (item.length < 3) continue;
    const listed = { type: item[1]!, at: item.slice(2) };
    if (item[0] === 'C') changed.push(listed);
    else
      children.get(path.posix.dirname(listed.at))?.add(listed.at) ??
        children.set(path.posix.dirname(listed.at), new Set([listed.at]));
  }
  const changedDirs = new Set(changed.filter((entry) => entry.type === 'd').map((entry) => entry.at));
  const removed = removedInContainer(sent, changedDirs, children);
  for (const at of removed) removeOnHost(roots, at);
  const written: string[] = [];
  for (const at of toFetch(changed, sent)) written.push(...(await fetchInto(container, roots, at)));
  return { written, removed };
}

/** What the host sent that a changed folder no longer holds. */
function removedInContainer(sent: HostFiles, changedDirs: Set<string>, children: Map<string, Set<string>>): string[] {
  const removed: string[] = [];
  for (const [at, entry] of sent) {
    const parent = path.posix.dirname(at);
    if (entry.readOnly || !changedDirs.has(parent) || children.get(parent)?.has(at)) continue;
    if (!removed.some((gone) => at.startsWith(`${gone}/`))) removed.push(at);
  }
  return removed;
}

/** Files and links one by one; a folder the host never had comes whole, without its entries listed again. */
function toFetch(changed: Listed[], sent: HostFiles): string[] {
  const newDirs = changed
    .filter((entry) => entry.type === 'd' && !sent.has(entry.at) && !isRoot(entry.at))
    .map((entry) => entry.at)
    .filter((at, _index, all) => !all.some((other) => at.startsWith(`${other}/`)));
  const insideNew = (at: string): boolean => newDirs.some((dir) => at.startsWith(`${dir}/`));
  const single = changed.filter((entry) => (entry.type === 'f' || entry.type === 'l') && !insideNew(entry.at));
  return [...newDirs, ...single.map((entry) => entry.at)];
}

const isRoot = (at: string): boolean => at === appInside || at === verdictInsideRoot;

async function fetchInto(container: Docker.Container, roots: SyncRoots, at: string): Promise<string[]> {
  let stream: Readable;
  try {
    stream = (await container.getArchive({ path: at })) as unknown as Readable;
  } catch (error) {
    // Gone between the listing and now (a file the command made and removed again).
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
  const written: string[] = [];
  const parent = path.posix.dirname(at);
  const extract = tar.extract();
  extract.on('entry', (headers, body, next) => {
    const target = path.posix.join(parent, headers.name);
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.on('end', () => {
      const host = safeHostPath(roots, target);
      if (host && writeOnHost(host, headers, Buffer.concat(chunks))) written.push(host);
      next();
    });
    body.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
  return written;
}

/**
 * The host path for a container path, or undefined: outside the folders, in a .git, in factory's records, or under a
 * link or a file.
 */
function safeHostPath(roots: SyncRoots, at: string): string | undefined {
  if (at.split('/').some((part) => part === '.git' || part === '..')) return undefined;
  // factory's own records (locks, events, run state) are factory's: of .factory/ only the test reports come back.
  if (at.startsWith(`${appInside}/.factory/`) && !at.startsWith(`${appInside}/.factory/reports/`)) return undefined;
  if (at === `${appInside}/.factory`) return undefined;
  const host = hostPathOf(roots, at);
  if (!host) return undefined;
  const root = at.startsWith(`${verdictInsideRoot}/`) ? roots.verdictDir! : roots.projectDir;
  const parts = path.relative(root, host).split(path.sep);
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat) fs.mkdirSync(dir);
    else if (!stat.isDirectory()) return undefined;
  }
  return host;
}

/** Writes one entry where the host differs; true when it changed something. */
function writeOnHost(host: string, headers: tar.Headers, body: Buffer): boolean {
  const mode = (headers.mode ?? 0o644) & 0o777;
  const now = fs.lstatSync(host, { throwIfNoEntry: false });
  if (headers.type === 'directory') {
    if (now?.isDirectory()) return false;
    if (now) fs.rmSync(host, { recursive: true, force: true });
    fs.mkdirSync(host, { mode });
    return true;
  }
  if (headers.type === 'symlink') {
    if (now?.isSymbolicLink() && fs.readlinkSync(host) === headers.linkname) return false;
    if (now) fs.rmSync(host, { recursive: true, force: true });
    fs.symlinkSync(headers.linkname ?? '', host);
    return true;
  }
  if (headers.type !== 'file') return false;
  if (now?.isFile() && now.size === body.length && (now.mode & 0o777) === mode && fs.readFileSync(host).equals(body))
    return false;
  // Never written through: a link or folder in the way is replaced by the file.
  if (now && !now.isFile()) fs.rmSync(host, { recursive: true, force: true });
  fs.writeFileSync(host, body, { mode });
  fs.chmodSync(host, mode);
  return true;
}

function removeOnHost(roots: SyncRoots, at: string): void {
  const host = safeHostPath(roots, at);
  if (host && !isRoot(at)) fs.rmSync(host, { recursive: true, force: true });
}
