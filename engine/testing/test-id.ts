// One form for a test id wherever ids are compared: project-relative, "/" separators, no "./", no timing suffix.
export function normaliseTestPath(file: string): string {
  return file.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** "./a.spec.js::adds (5 ms)" -> "a.spec.js::adds". */
export function normaliseTestId(id: string): string {
  const [file, ...rest] = id.split('::');
  const name = rest.join('::').replace(/\s+\(\d+(\.\d+)?\s*m?s\)$/, '');
  return rest.length > 0 ? `${normaliseTestPath(file!)}::${name}` : normaliseTestPath(file!).replace(/\s+\(\d+(\.\d+)?\s*m?s\)$/, '');
}
