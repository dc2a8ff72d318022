// Makes untrusted process output safe to show and parse: no ANSI codes, no control characters, valid UTF-8.
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// Everything below space except tab and newline, plus DEL and C1 controls.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripAnsi(text: string): string {
  return text.replace(ansi, '');
}

export function cleanText(text: string): string {
  return stripAnsi(text.replace(/\r\n/g, '\n')).replace(/\r/g, '\n').replace(controls, '');
}
