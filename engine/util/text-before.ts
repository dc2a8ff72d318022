// The text before the first `separator`, or all of it when there is none: a split's first part, without an index.
export function textBefore(text: string, separator: string): string {
  const at = text.indexOf(separator);
  return at === -1 ? text : text.slice(0, at);
}
