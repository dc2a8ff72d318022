// Recognises the ways test runners are told to skip a test, so an added marker can be named as such.
const markers = [
  /\bpytest\.mark\.(skip|skipif|xfail)\b/,
  /\bpytest\.(skip|xfail)\s*\(/,
  /@unittest\.(skip|skipIf|skipUnless|expectedFailure)\b/,
  /\b(it|test|describe)\.(skip|todo)\s*\(/,
  /\bx(it|test|describe)\s*\(/,
  /\bt\.Skip(Now|f)?\s*\(/,
  /#\[ignore\]/,
  /^\s*@(skip|wip|ignore)\b/,
];

export function countSkipMarkers(text: string): number {
  return text.split('\n').filter((line) => markers.some((marker) => marker.test(line))).length;
}

/** Python test functions in a file: the least number of tests it must collect (parametrize only adds). */
export function countPythonTests(file: string, text: string): number {
  if (!file.endsWith('.py')) return 0;
  return (text.match(/^\s*(async\s+)?def\s+test\w*\s*\(/gm) ?? []).length;
}
