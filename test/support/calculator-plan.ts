// A two-task calculator plan and its tests, shared by the phase tests: add (task 1) and multiply (task 2), in LEGO folders.
export const pytest = 'python3 -m pytest -rA -q -p no:cacheprovider';

export const addTests = `from actions.add import add


def test_add_positive():
    assert add(1, 2) == 3


def test_add_negative():
    assert add(-1, -2) == -3
`;

export const mulTests = `from actions.mul import mul


def test_mul():
    assert mul(3, 4) == 12
`;

export function calculatorPlan(tasks: 1 | 2 = 2): Record<string, unknown> {
  const entries = [
    {
      task: 1,
      title: 'Add numbers',
      files: [{ path: 'actions/add.py', job: 'adds two numbers' }],
      testFiles: ['tests/test_add.py'],
      scenarios: ['1 + 2 is 3', '-1 + -2 is -3'],
      testCommand: `${pytest} tests/test_add.py`,
    },
    {
      task: 2,
      title: 'Multiply numbers',
      files: [{ path: 'actions/mul.py', job: 'multiplies two numbers' }],
      testFiles: ['tests/test_mul.py'],
      scenarios: ['3 * 4 is 12'],
      testCommand: `${pytest} tests/test_mul.py`,
    },
  ];
  return { summary: 'A calculator: one action per operation, tests beside them.', tasks: entries.slice(0, tasks) };
}
