// Python source split into code and strings: comments dropped, every string literal blanked to "" in the code (its
// newlines kept, so lines still count) and kept apart with its line, for the scan's regexes.

export type PythonText = {
  /** The source without comments, each string literal replaced by "" plus the newlines it spanned. */
  code: string;
  /** The source without comments, strings kept (for calls such as setattr(sys, "exit", ...)). */
  withStrings: string;
  strings: { text: string; line: number }[];
};

export function splitPython(source: string): PythonText {
  let code = '';
  let withStrings = '';
  const strings: PythonText['strings'] = [];
  let line = 1;
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (char === '#') {
      const end = source.indexOf('\n', at);
      at = end < 0 ? source.length : end;
      continue;
    }
    if (char === '"' || char === "'") {
      const quote = source.startsWith(char.repeat(3), at) ? char.repeat(3) : char;
      const end = closing(source, at + quote.length, quote);
      const literal = source.slice(at, end);
      const text = literal.slice(quote.length, literal.length - (literal.endsWith(quote) ? quote.length : 0));
      strings.push({ text, line });
      const newlines = literal.split('\n').length - 1;
      code += `""${'\n'.repeat(newlines)}`;
      withStrings += literal;
      line += newlines;
      at = end;
      continue;
    }
    if (char === '\n') line++;
    code += char;
    withStrings += char;
    at++;
  }
  return { code, withStrings, strings };
}

/**
 * Where the literal opened at `from` ends: just past its closing quote, or at the line's end when unclosed. A
 * backslash escapes the next character in raw strings too, as far as where the literal ends goes.
 */
function closing(source: string, from: number, quote: string): number {
  let at = from;
  while (at < source.length) {
    const char = source[at]!;
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (source.startsWith(quote, at)) return at + quote.length;
    if (char === '\n' && quote.length === 1) return at;
    at++;
  }
  return source.length;
}
