// Spots whole-file blocks that are not whole: "... rest unchanged" placeholders and unified diffs, which would wreck
// the file if written.
const comment = /^\s*(?:#|\/\/|\/\*|<!--|--|;)\s*(.*?)\s*(?:\*\/|-->)?\s*$/;
const ellipsis = /\.{3}|…/;
const lazyWord = /\b(?:rest|existing|remaining|unchanged|same|previous|other|omitted|original)\b/i;
const lazyPhrase = new RegExp(
  String.raw`\b(?:rest of (?:the )?(?:file|code|class|function|module|methods)` +
    '|(?:existing|remaining|previous|other|original) (?:code|content|methods|functions|imports|tests)' +
    String.raw`|(?:code|file|content|rest) (?:remains |stays |is )?unchanged|omitted for brevity|same as before)\b`,
  'i',
);
const diffPath = /\.(?:diff|patch)$/i;

/** Why the block must not be written as the file's content, or undefined when it looks like a real file. */
export function lazyContentProblem(path: string, info: string, lines: string[]): string | undefined {
  if (!diffPath.test(path)) {
    const hunk = lines.some((line) => /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/.test(line));
    const unified =
      hunk && lines.some((line) => line.startsWith('--- ')) && lines.some((line) => line.startsWith('+++ '));
    if (unified || /^(?:diff|patch)\b/i.test(info.trim()))
      return 'the block is a diff, which is not applied; write SEARCH/REPLACE blocks or the whole file';
  }
  const lazy = lines.find((line) => {
    const text = comment.exec(line)?.[1];
    if (text === undefined) return false;
    if (!ellipsis.test(text)) return lazyPhrase.test(text);
    return text.replace(/\.|…/g, '').trim() === '' || lazyWord.test(text);
  });
  if (lazy)
    return (
      `the block has a placeholder ("${lazy.trim().slice(0, 60)}") instead of the full content; give the complete ` +
      'file or use SEARCH/REPLACE blocks'
    );
  return undefined;
}
