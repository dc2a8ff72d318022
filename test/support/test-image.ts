// Builds the local Docker image the sandbox tests run in (sh, coreutils timeout, python3, pytest): Debian minbase via debootstrap, then `docker import`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/**
 * Tagged with a hash of this file, the recipe: a machine that has the image keeps it between runs, and a changed
 * recipe (packages, mirror, what is removed) builds a new one.
 */
const testImage = `factory-test-python:${crypto
  .createHash('sha256')
  .update(fs.readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')
  .slice(0, 12)}`;

const mirror = 'http://deb.debian.org/debian';
const lockDir = path.join(os.tmpdir(), `${testImage.replace(':', '-')}.lock`);

/** Builds the image unless it exists; several test files may ask at once, so one builds while the others wait. */
export async function ensureTestImage(): Promise<string> {
  if (await imageExists()) return testImage;
  await withLock(async () => {
    if (!(await imageExists())) await buildImage();
  });
  return testImage;
}

async function imageExists(): Promise<boolean> {
  const result = await execa('docker', ['image', 'inspect', testImage], { reject: false });
  return result.exitCode === 0;
}

async function buildImage(): Promise<void> {
  if (process.getuid?.() !== 0)
    throw new Error(`building ${testImage} needs root (debootstrap); build it once as root or run the tests as root`);
  const rootfs = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-rootfs-'));
  try {
    await execa('debootstrap', ['--variant=minbase', '--include=python3-pytest', 'bookworm', rootfs, mirror]);
    // Only what the tests need: docs, locales and the package cache make the import slower for nothing.
    for (const dir of [
      'usr/share/doc',
      'usr/share/man',
      'usr/share/locale',
      'usr/share/info',
      'var/cache/apt',
      'var/lib/apt/lists',
    ]) {
      fs.rmSync(path.join(rootfs, dir), { recursive: true, force: true });
    }
    await execa('sh', [
      '-c',
      `tar -C "$0" -c . | docker import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' --change 'WORKDIR /app' - "$1"`,
      rootfs,
      testImage,
    ]);
  } finally {
    fs.rmSync(rootfs, { recursive: true, force: true });
  }
}

async function withLock(work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the longest build is left by a killed run.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build of ${testImage} (${lockDir})`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
