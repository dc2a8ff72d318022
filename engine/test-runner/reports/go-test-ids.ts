// Go test ids by file: a test of package example.com/calc/a becomes "a/a_test.go::TestParse", so two TestParse stay
// two.
import fs from 'node:fs';
import path from 'node:path';
import { testId } from '../test-id.js';
import { textBefore } from '../../util/text-before.js';

const testFunction = /^func\s+((?:Test|Example|Fuzz|Benchmark)\w*)\s*\(/gm;

export class GoTestIds {
  private readonly module: string | undefined;
  private readonly filesByDir = new Map<string, Map<string, string>>();

  constructor(private readonly projectDir?: string) {
    this.module = projectDir === undefined ? undefined : readModule(projectDir);
  }

  /** The package's folder in the project ("" for the module root), or undefined for a package outside the module. */
  dirOf(pkg: string): string | undefined {
    if (!this.module) return undefined;
    if (pkg === this.module) return '';
    return pkg.startsWith(`${this.module}/`) ? pkg.slice(this.module.length + 1) : undefined;
  }

  /**
   * "a/a_test.go::TestTable/hello_world"; the folder (or import path) stands in for the file when no _test.go defines
   * it.
   */
  id(pkg: string, test?: string): string {
    const dir = this.dirOf(pkg);
    if (!test) return dir ? dir : pkg;
    const top = textBefore(test, '/');
    const file = dir === undefined ? undefined : this.testFiles(dir).get(top);
    if (file) return testId(dir ? `${dir}/${file}` : file, test);
    if (dir === undefined) return pkg ? `${pkg}::${test}` : test;
    return dir ? testId(dir, test) : test;
  }

  private testFiles(dir: string): Map<string, string> {
    const cached = this.filesByDir.get(dir);
    if (cached) return cached;
    const found = new Map<string, string>();
    const folder = path.join(this.projectDir ?? '', dir);
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(folder)
        .filter((name) => name.endsWith('_test.go'))
        .sort();
    } catch {
      // A package folder that is gone by now: ids fall back to the folder.
    }
    for (const name of names) {
      const source = fs.readFileSync(path.join(folder, name), 'utf8');
      for (const [, test] of source.matchAll(testFunction))
        if (test !== undefined && !found.has(test)) found.set(test, name);
    }
    this.filesByDir.set(dir, found);
    return found;
  }
}

function readModule(projectDir: string): string | undefined {
  try {
    return /^module\s+(\S+)/m.exec(fs.readFileSync(path.join(projectDir, 'go.mod'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
