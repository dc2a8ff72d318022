// Writes a file so that a crash leaves either the old or the new content, never a torn one.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Removes the temp files a killed process left in `dirs` (its writes never reached their rename); not this one's. */
export function removeTornWrites(...dirs: string[]): void {
  for (const dir of dirs) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const name of names) {
      const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
      if (pid && Number(pid) !== process.pid) fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
