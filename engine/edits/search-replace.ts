// Applies one SEARCH/REPLACE to a file's text: the same whole lines, where only trailing spaces or line endings may
// differ; never a guess.
export type ReplaceResult = { ok: true; content: string } | { ok: false; reason: string };

export function replaceOnce(original: string, search: string, replace: string): ReplaceResult {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const text = original.replace(/\r\n/g, '\n');
  const lines = splitLines(text);
  const wanted = splitLines(search).map((line) => line.trimEnd());
  const starts: number[] = [];
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    if (wanted.every((line, offset) => lines[start + offset]?.trimEnd() === line)) starts.push(start);
  }
  if (starts.length > 1)
    return {
      ok: false,
      reason: `the SEARCH text matches ${starts.length} places; include more lines so it matches one place only`,
    };
  const [start] = starts;
  if (start === undefined) {
    if (replace.trim() !== '' && text.includes(replace.replace(/\r\n/g, '\n')))
      return {
        ok: false,
        reason: 'the SEARCH text was not found, and the REPLACE text is already in the file (applied before?)',
      };
    const first = wanted.find((line) => line.trim() !== '') ?? '';
    return {
      ok: false,
      reason:
        `the SEARCH text was not found (first line: "${first.trim().slice(0, 80)}"); SEARCH must copy the current ` +
        'lines exactly; nothing was changed',
    };
  }
  const result = [...lines.slice(0, start), ...splitLines(replace), ...lines.slice(start + wanted.length)];
  const joined = result.length === 0 ? '' : `${result.join('\n')}\n`;
  return { ok: true, content: eol === '\n' ? joined : joined.replace(/\n/g, eol) };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
