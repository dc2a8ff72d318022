// pytest started so that no project file can stand in for it: `python -m pytest` puts the project folder first on
// sys.path, and a pytest.py (or a pytest/ package, or a pluggy.py) written there would run instead of pytest and say
// green. Factory runs pytest through a launcher that imports it from the standard library and site-packages first and
// only then appends the project's folders, so `import calc` in tests/test_calc.py still works as under
// `python -m pytest`.

/**
 * The launcher's Python, one line: the project's folders (cwd, PYTHONPATH entries inside it; not a venv's
 * site-packages) leave sys.path, pytest is imported, they come back at the end. A pytest found in the project anyway
 * is refused.
 */
const launcherCode = [
  'import os,sys',
  'c=os.path.realpath(os.getcwd())',
  'i=lambda p:(lambda r:(r+os.sep).startswith(c+os.sep) and not {"site-packages","dist-packages"}&set(r.split(os.sep)))(os.path.realpath(p or "."))',
  'h=[p for p in sys.path if i(p)]',
  'sys.path[:]=[p for p in sys.path if not i(p)]',
  'import pytest',
  'f=os.path.realpath(pytest.__file__)',
  'i(f) and sys.exit("factory: pytest would be imported from the project ("+f+"): refused, pytest must come from the Python installation")',
  'sys.path+=h',
  'raise SystemExit(getattr(pytest,"console_main",pytest.main)())',
].join(';');

/** The python of a `…/bin/pytest` console script ('.venv/bin/pytest' → '.venv/bin/python'); bare pytest: python3. */
function interpreterFor(program: string, launched: boolean): string {
  const folder = program.includes('/') ? program.slice(0, program.lastIndexOf('/') + 1) : '';
  // uv run, poetry run and the like start a venv, whose interpreter is always "python".
  if (folder) return `${folder}python`;
  return launched ? 'python' : 'python3';
}

const pythonWord = /(^|\/)python(\d+(\.\d+)?)?$/;
const launcherWords = /^(uv|poetry|pipenv|pdm|hatch|run|exec|env|time|nice|--)$/;

/**
 * `command` with its pytest started through the launcher (user site off: -s), the flags after it kept as written; a
 * command it does not recognise as a single pytest call is returned as it is.
 */
export function launchPytest(command: string): string {
  const words = [...command.matchAll(/\S+/g)];
  let at = 0;
  let launched = false;
  for (let word = words[at]?.[0]; word !== undefined; word = words[at]?.[0]) {
    if (/^\w+=/.test(word)) at += 1;
    else if (launcherWords.test(word)) {
      launched = true;
      at += 1;
    } else break;
  }
  const first = words[at];
  if (!first) return command;
  let interpreter: string;
  let last = first;
  if (pythonWord.test(first[0]) && words[at + 1]?.[0] === '-m' && words[at + 2]?.[0] === 'pytest') {
    interpreter = first[0];
    last = words[at + 2]!;
  } else if (/(^|\/)(pytest|py\.test)$/.test(first[0])) interpreter = interpreterFor(first[0], launched);
  else return command;
  const before = command.slice(0, first.index);
  const after = command.slice(last.index + last[0].length);
  return `${before}${interpreter} -s -c '${launcherCode}'${after}`;
}
