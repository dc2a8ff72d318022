// Writes a small Python exercise in the Exercism layout, with a scripted engine's script, for the suite tests.
import fs from 'node:fs';
import path from 'node:path';

export const doubleSolution = 'def double(n):\n    return 2 * n\n';

export function makePythonExercise(suiteDir: string, name: string, script: unknown): string {
  const dir = path.join(suiteDir, name);
  fs.mkdirSync(path.join(dir, '.docs'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.meta'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.docs', 'instructions.md'),
    '# Instructions\n\nWrite `double(n)` in `double.py`: it returns twice n.\n',
  );
  fs.writeFileSync(path.join(dir, 'double.py'), 'def double(n):\n    pass\n');
  fs.writeFileSync(
    path.join(dir, 'double_test.py'),
    'from double import double\n\n\ndef test_two():\n    assert double(2) == 4\n\n\ndef test_zero():\n    assert double(0) == 0\n',
  );
  fs.writeFileSync(path.join(dir, '.meta', 'example.py'), doubleSolution);
  fs.writeFileSync(path.join(dir, '.factory-script.json'), JSON.stringify(script));
  return dir;
}
