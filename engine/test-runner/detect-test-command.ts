// Picks the test command from what the project contains, in the order of SPEC section 5.
import fs from 'node:fs';
import path from 'node:path';

/** pytest without its cache folder, with one line per test outcome. */
const pytestCommand = 'python3 -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors';

export function detectTestCommand(projectDir: string, language: string): string | undefined {
  const has = (name: string): boolean => fs.existsSync(path.join(projectDir, name));
  const packageJson = readPackageJson(path.join(projectDir, 'package.json'));
  const dependsOn = (name: string): boolean =>
    Boolean(packageJson?.dependencies?.[name] ?? packageJson?.devDependencies?.[name]);
  if (has('features')) {
    if (
      has('features/steps') &&
      listFiles(path.join(projectDir, 'features/steps')).some((file) => file.endsWith('.py'))
    )
      return 'behave';
    if (dependsOn('@cucumber/cucumber')) return 'npx cucumber-js';
    if (has('go.mod')) return 'godog';
  }
  if (has('pytest.ini') || has('pyproject.toml') || has('setup.py') || has('conftest.py') || language === 'python')
    return pytestCommand;
  if (dependsOn('vitest')) return 'npx vitest run';
  if (dependsOn('jest')) return 'npx jest';
  if (packageJson?.scripts?.test) return 'npm test';
  if (has('go.mod') || language === 'go') return 'go test -v ./...';
  if (has('Cargo.toml') || language === 'rust') return 'cargo test';
  return undefined;
}

type PackageJson = {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
};

function readPackageJson(file: string): PackageJson | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
