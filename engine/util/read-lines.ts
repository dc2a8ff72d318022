// Reads a file's lines one by one from a byte stream; a line longer than the limit is skipped, never held whole.
import fs from 'node:fs';

export async function* readLines(file: string, maxLine: number): AsyncGenerator<string> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      if (!skipping) yield Buffer.concat([...parts, chunk.subarray(start, end)]).toString('utf8');
      parts = [];
      size = 0;
      skipping = false;
      start = end + 1;
    }
    if (skipping || start === chunk.length) continue;
    size += chunk.length - start;
    if (size > maxLine) {
      skipping = true;
      parts = [];
      continue;
    }
    parts.push(chunk.subarray(start));
  }
  if (!skipping && size > 0) yield Buffer.concat(parts).toString('utf8');
}
