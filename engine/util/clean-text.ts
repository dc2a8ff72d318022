// Makes untrusted process output safe to show and parse: no ANSI codes, no control characters, valid UTF-8.
import { stripVTControlCharacters } from 'node:util';

// Everything below space except tab and newline, plus DEL and C1 controls: what an escape sequence Node does not
// know leaves behind (its ESC) goes too.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function cleanText(text: string): string {
  return stripVTControlCharacters(text.replace(/\r\n/g, '\n')).replace(/\r/g, '\n').replace(controls, '');
}
