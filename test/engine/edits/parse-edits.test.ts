// The edit parser over the slips local models make: prose, path decorations, fence variants, CRLF, marker variants, cut-off answers.
import { describe, expect, it } from 'vitest';
import { maxEditBytes } from '../../../engine/edits/edit-format.js';
import { parseEdits } from '../../../engine/edits/parse-edits.js';

const whole = (path: string, content: string) => ({ kind: 'whole', path, content });
const replace = (path: string, search: string, replacement: string) => ({
  kind: 'replace',
  path,
  search,
  replace: replacement,
});

describe('parseEdits', () => {
  it.each([
    ['aider whole format', 'calc.py\n```python\nx = 1\n```\n', [whole('calc.py', 'x = 1\n')]],
    [
      'bold path and prose around',
      'Here you go.\n\n**src/calc.py**\n```\nx = 1\n```\nThat should work!',
      [whole('src/calc.py', 'x = 1\n')],
    ],
    ['heading path', '### src/calc.py\n```py\nx = 1\n```', [whole('src/calc.py', 'x = 1\n')]],
    ['File: label', 'File: src/calc.py\n```py\nx = 1\n```', [whole('src/calc.py', 'x = 1\n')]],
    [
      'backticked path in a sentence ending with a colon',
      'Here is the new `src/calc.py`:\n```py\nx = 1\n```',
      [whole('src/calc.py', 'x = 1\n')],
    ],
    ['path in the info string', '```python src/calc.py\nx = 1\n```', [whole('src/calc.py', 'x = 1\n')]],
    ['language:path info string', '```python:src/calc.py\nx = 1\n```', [whole('src/calc.py', 'x = 1\n')]],
    ['tilde fence and blank line before it', 'calc.py\n\n~~~\nx = 1\n~~~', [whole('calc.py', 'x = 1\n')]],
    [
      'longer fence holding an inner fence',
      'README.md\n````markdown\n# Title\n```\ncode\n```\n````',
      [whole('README.md', '# Title\n```\ncode\n```\n')],
    ],
    ['CRLF answer', 'calc.py\r\n```python\r\nx = 1\r\ny = 2\r\n```\r\n', [whole('calc.py', 'x = 1\ny = 2\n')]],
    ['empty whole-file block', 'pkg/__init__.py\n```python\n```', [whole('pkg/__init__.py', '')]],
    ['Makefile without extension', 'Makefile\n```\nall:\n\ttrue\n```', [whole('Makefile', 'all:\n\ttrue\n')]],
    [
      'search/replace in a fence',
      'calc.py\n```python\n<<<<<<< SEARCH\n    return 0\n=======\n    return a + b\n>>>>>>> REPLACE\n```',
      [replace('calc.py', '    return 0\n', '    return a + b\n')],
    ],
    [
      'path inside the fence (diff-fenced)',
      '```\ncalc.py\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```',
      [replace('calc.py', 'a\n', 'b\n')],
    ],
    [
      'two blocks in one fence',
      'calc.py\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n\n<<<<<<< SEARCH\nc\n=======\nd\n>>>>>>> REPLACE\n```',
      [replace('calc.py', 'a\n', 'b\n'), replace('calc.py', 'c\n', 'd\n')],
    ],
    [
      'blocks with no fence at all',
      'calc.py\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n',
      [replace('calc.py', 'a\n', 'b\n')],
    ],
    [
      'marker variants: 6 and 8 characters, lower case, trailing spaces',
      'calc.py\n```\n<<<<<< search  \na\n========\nb\n>>>>>>>> Replace \n```',
      [replace('calc.py', 'a\n', 'b\n')],
    ],
    [
      'empty SEARCH creates a file',
      'new.py\n```\n<<<<<<< SEARCH\n=======\nprint(1)\n>>>>>>> REPLACE\n```',
      [replace('new.py', '', 'print(1)\n')],
    ],
    [
      "a reasoning model's draft inside <think> is not an edit",
      '<think>\nMaybe:\ncalc.py\n```\nDRAFT\n```\n</think>\ncalc.py\n```\nFINAL\n```',
      [whole('calc.py', 'FINAL\n')],
    ],
    [
      "Python's Ellipsis and ordinary comments are code, not placeholders",
      'stub.py\n```python\n# other helpers live in util.py\nclass P(Protocol):\n    def run(self) -> None: ...\n    ...\n```',
      [
        whole(
          'stub.py',
          '# other helpers live in util.py\nclass P(Protocol):\n    def run(self) -> None: ...\n    ...\n',
        ),
      ],
    ],
    [
      'a patch file may hold a diff',
      'fix.patch\n```diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n```',
      [whole('fix.patch', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n')],
    ],
    [
      'two files, two formats',
      'a.py\n```\nA\n```\nb.py\n```\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n```',
      [whole('a.py', 'A\n'), replace('b.py', 'x\n', 'y\n')],
    ],
  ])('%s', (_name, answer, edits) => {
    const parsed = parseEdits(answer);
    expect(parsed.problems).toEqual([]);
    expect(parsed.edits).toEqual(edits);
  });

  it.each([
    ['a code block with no path', 'Try this:\n```python\nx = 1\n```', /no file path.*ignored/],
    ['a language tag is not a path', 'python\n```python\nx = 1\n```', /no file path/],
    ['a whole-file block cut off', 'calc.py\n```python\ndef add(a, b):\n    return', /not closed.*not written/],
    ['a SEARCH block cut off before the divider', 'calc.py\n```\n<<<<<<< SEARCH\na\n', /no ======= divider/],
    [
      'a SEARCH block cut off before REPLACE',
      'calc.py\n```\n<<<<<<< SEARCH\na\n=======\nb\n',
      /no >>>>>>> REPLACE marker/,
    ],
    [
      'a new SEARCH before REPLACE',
      'calc.py\n```\n<<<<<<< SEARCH\na\n=======\nb\n<<<<<<< SEARCH\nc\n=======\nd\n>>>>>>> REPLACE\n```',
      /malformed/,
    ],
    [
      'a unified diff given as a file',
      'calc.py\n```\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return 0\n+    return a + b\n```',
      /is a diff, which is not applied/,
    ],
    ['a diff-tagged block', 'calc.py\n```diff\n-    return 0\n+    return a + b\n```', /is a diff/],
    [
      'a "rest unchanged" placeholder',
      'calc.py\n```python\ndef add(a, b):\n    return a + b\n\n# ... rest of the file unchanged ...\n```',
      /placeholder \("# \.\.\. rest of the file unchanged \.\.\."\) instead of the full content/,
    ],
    ['a bare comment ellipsis', 'app.js\n```js\nfunction a() {}\n// ...\n```', /placeholder/],
    ['a SEARCH block with no path', '```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```', /no file path/],
  ])('reports %s', (_name, answer, reason) => {
    const parsed = parseEdits(answer);
    expect(parsed.problems.map((problem) => problem.reason)).toEqual([expect.stringMatching(reason)]);
  });

  it('keeps the complete blocks of an answer that was cut off', () => {
    const parsed = parseEdits(
      'calc.py\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n<<<<<<< SEARCH\nc\n=======\n',
    );
    expect(parsed.edits).toEqual([replace('calc.py', 'a\n', 'b\n')]);
    expect(parsed.problems).toEqual([{ path: 'calc.py', reason: expect.stringMatching(/not finished/) }]);
  });

  it('refuses a block over the size limit instead of writing part of it', () => {
    const line = 'x = "0123456789012345678901234567890123456789"\n';
    const parsed = parseEdits(`big.py\n\`\`\`\n${line.repeat(Math.ceil(maxEditBytes / line.length) + 1)}\`\`\`\n`);
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems).toEqual([{ path: 'big.py', reason: expect.stringMatching(/over the 1000000-byte limit/) }]);
  });

  it('finds nothing in plain prose', () => {
    expect(parseEdits('I think the tests are wrong. Please check calc.py yourself.')).toEqual({
      edits: [],
      problems: [],
    });
  });
});
