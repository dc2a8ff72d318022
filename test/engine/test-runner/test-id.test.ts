// One id shape everywhere: project-relative, '/' separators, no "./", "file::name"; task patterns in the same shape.
import { describe, expect, it } from 'vitest';
import {
  normaliseTestId,
  normaliseTestPath,
  normaliseTestPattern,
  testId,
} from '../../../engine/test-runner/test-id.js';

describe('test ids', () => {
  it('paths lose "./", backslashes, doubled and trailing slashes, and the project root', () => {
    expect(normaliseTestPath('./game.spec.js')).toBe('game.spec.js');
    expect(normaliseTestPath('.\\tests\\test_a.py')).toBe('tests/test_a.py');
    expect(normaliseTestPath('src//a/../b.test.ts')).toBe('src/b.test.ts');
    expect(normaliseTestPath('/app/src/a.test.ts', ['/home/me/p', '/app'])).toBe('src/a.test.ts');
    expect(normaliseTestPath('/home/me/p/src/a.test.ts', ['/home/me/p', '/app'])).toBe('src/a.test.ts');
    expect(normaliseTestPath('/elsewhere/a.test.ts', ['/app'])).toBe('/elsewhere/a.test.ts');
  });

  it('ids normalise their file part and keep the name, spaces included', () => {
    expect(normaliseTestId('./game.spec.js::game > adds')).toBe('game.spec.js::game > adds');
    expect(normaliseTestId('tests\\test_a.py::test_x[hello world]')).toBe('tests/test_a.py::test_x[hello world]');
    expect(testId('/app/a_test.go', 'TestParse', ['/app'])).toBe('a_test.go::TestParse');
    expect(testId('./broken.test.js')).toBe('broken.test.js');
  });

  it('task patterns take the same shape; a folder matches what is in it', () => {
    expect(normaliseTestPattern('./game.spec.js')).toBe('game.spec.js');
    expect(normaliseTestPattern('tests/unit/')).toBe('tests/unit/**');
    expect(normaliseTestPattern('tests/**/test_*.py')).toBe('tests/**/test_*.py');
  });
});
