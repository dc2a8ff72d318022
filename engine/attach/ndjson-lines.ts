// Splits a text stream into lines, keeping a partial last line until its end arrives; caps a line so a bad peer cannot
// exhaust memory.
export function ndjsonLines(onLine: (line: string) => void, maxLine = 16 * 1024 * 1024): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) onLine(line);
    if (pending.length > maxLine) pending = '';
  };
}
