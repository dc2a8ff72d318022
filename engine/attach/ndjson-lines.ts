// Splits a byte stream into lines, keeping a partial last line until its end arrives; caps a line so a bad peer cannot exhaust memory.
export function ndjsonLines(onLine: (line: string) => void, maxLine = 16 * 1024 * 1024): (chunk: Buffer | string) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString();
    let at = pending.indexOf('\n');
    while (at >= 0) {
      const line = pending.slice(0, at);
      pending = pending.slice(at + 1);
      if (line.trim()) onLine(line);
      at = pending.indexOf('\n');
    }
    if (pending.length > maxLine) pending = '';
  };
}
