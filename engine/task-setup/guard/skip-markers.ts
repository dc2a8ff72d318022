// Recognises the ways test runners are told to skip a test, so an added marker can be named as such.
import { declaredTests } from './test-files.js';

const markers = [
  /\bpytest\.mark\.(skip|skipif|xfail)\b/,
  /\bpytest\.(skip|xfail)\s*\(/,
  /@unittest\.(skip|skipIf|skipUnless|expectedFailure)\b/,
  /\b(it|test|describe)\.(skip|todo)\s*\(/,
  /\bx(it|test|describe)\s*\(/,
  /\bt\.Skip(Now|f)?\s*\(/,
  /#\[ignore(\s*=.*)?\]/,
  /^\s*@(skip|wip|ignore)\b/,
  /^\s*\/\/\s*(go:build|\+build)\s/,
];

export function countSkipMarkers(text: string): number {
  return text.split('\n').filter((line) => markers.some((marker) => marker.test(line))).length;
}

/**
 * The least number of tests a file must collect, from the tests its source declares (parametrize and each only add).
 */
export function countDeclaredTests(file: string, text: string): number {
  return declaredTests(file, text).length;
}
