// Cuts a line to a pane's width before Ink sees it: Ink tokenizes and measures every character of every line it is
// given on each frame, so a very long streamed line would cost a frame its whole budget only to be cut.
const printableAscii = /^[\x20-\x7e]*$/;
/** No character is narrower than a quarter of a column's worth of UTF-16 units (combining marks aside). */
const unitsPerColumn = 4;

export function fitWidth(text: string, columns: number): string {
  if (columns < 1 || text.length <= columns) return text;
  // Printable ASCII is one column a character: cut exactly as Ink's truncate-end would.
  if (printableAscii.test(text)) return `${text.slice(0, columns - 1)}…`;
  // Anything else keeps a generous prefix (whole code points) and Ink measures and cuts it.
  const keep = columns * unitsPerColumn;
  if (text.length <= keep) return text;
  const cut = /[\ud800-\udbff]/.test(text[keep - 1] ?? '') ? keep - 1 : keep;
  return text.slice(0, cut);
}
