// Reads the KEY=value lines of factory_config.md (Markdown around them is ignored) and checks each one.
import type { ConfigProblem } from './config-error.js';
import { checkSetting } from './check-setting.js';

export type Setting = { value: string; line: number };
export type ParsedConfig = { settings: Map<string, Setting>; problems: ConfigProblem[] };

// A setting line: optional list bullet or backtick, an upper-case key, '=', the value.
const settingLine = /^\s*(?:[-*+]\s+)?`?([A-Z][A-Z0-9_]*)\s*=(.*)$/;

export function parseConfigText(text: string, file: string): ParsedConfig {
  const settings = new Map<string, Setting>();
  const problems: ConfigProblem[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    const match = settingLine.exec(content);
    if (!match) return;
    const key = match[1]!;
    const raw = unwrap(match[2]!);
    const earlier = settings.get(key);
    if (earlier) {
      problems.push({ file, line, key, message: `${key} is set twice (first on line ${earlier.line}); keep one` });
      return;
    }
    const checked = checkSetting(key, raw, file, line);
    if ('problem' in checked) problems.push(checked.problem);
    else settings.set(key, { value: checked.value, line });
  });
  return { settings, problems };
}

/** Decodes the file's bytes, refusing what is not UTF-8 rather than guessing. */
export function decodeConfigBytes(bytes: Uint8Array, file: string): { text: string } | { problem: ConfigProblem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = firstBadLine(bytes);
    return { problem: { file, line, message: 'is not valid UTF-8 text; save it as UTF-8' } };
  }
}

function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 10) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      start = index + 1;
      line++;
    }
  }
  return 1;
}

/** Drops a trailing " # comment", surrounding quotes and a closing backtick. */
function unwrap(raw: string): string {
  let value = raw.replace(/\s+#.*$/, '').trim();
  if (value.endsWith('`')) value = value.slice(0, -1).trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
