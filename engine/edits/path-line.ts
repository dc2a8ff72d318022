// Recognises a file path written by a model on its own line or in a fence's info string ("**src/a.py**", "File: a.py",
// "```python a.py").
const decoration = /^[\s#*>`'"-]*(?:(?:file(?:name)?|path)\s*:\s*)?|[\s*`'":]+$/gi;
const pathLike = /^(?:[A-Za-z]:)?[^\s`'"<>|*:]+$/;
const bareNames = /^(?:[A-Z][A-Za-z]*file|LICENSE|README)$/;
const languages = new Set([
  'python',
  'py',
  'javascript',
  'js',
  'typescript',
  'ts',
  'go',
  'rust',
  'text',
  'diff',
  'bash',
  'sh',
]);

/** The path the line names, or undefined when it is prose or a language tag. */
export function findPath(line: string): string | undefined {
  const cleaned = line.trim().replace(decoration, '');
  if (looksLikePath(cleaned)) return cleaned;
  const parts = cleaned.split(/[\s:]+/).filter((part) => part !== '' && !languages.has(part.toLowerCase()));
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only !== cleaned && looksLikePath(only)) return only;
  const quoted = [...line.matchAll(/`([^`\s]+)`/g)].flatMap((match) => match[1] ?? []).filter(looksLikePath);
  return quoted.length === 1 && line.trim().endsWith(':') ? quoted[0] : undefined;
}

function looksLikePath(text: string): boolean {
  if (!pathLike.test(text) || languages.has(text.toLowerCase())) return false;
  return /[./\\]/.test(text)
    ? /[A-Za-z0-9_]/.test(text) && !/^\.+$/.test(text) && !/\.$/.test(text)
    : bareNames.test(text);
}
