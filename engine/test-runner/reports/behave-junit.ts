// behave's JUnit reports (one TESTS-<feature>.xml per feature file) as per-scenario results:
// "features/calc.feature::Add two numbers".
import fs from 'node:fs';
import path from 'node:path';
import { testId } from '../test-id.js';
import type { ParsedRun } from '../../contract/test-summary.js';
import { parseJUnitXml } from './junit-xml.js';
import { tally, type ReportedTest } from './tally.js';

/**
 * behave names a report after the feature file's path below the features folder, dotted: TESTS-sub.other.xml is
 * features/sub/other.feature. The project's .feature files are listed to map the names back.
 */
export function readBehaveJUnit(reportDir: string, projectDir: string, source: string): ParsedRun | undefined {
  const reports = fs
    .readdirSync(reportDir)
    .filter((name) => /^TESTS-.*\.xml$/.test(name))
    .sort();
  if (reports.length === 0) return undefined;
  const features = featureFiles(projectDir);
  const reported: ReportedTest[] = [];
  for (const report of reports) {
    const dotted = report.slice('TESTS-'.length, -'.xml'.length);
    const file = features.get(dotted) ?? `features/${dotted.replace(/\./g, '/')}.feature`;
    const seen = new Map<string, number>();
    for (const scenario of parseJUnitXml(fs.readFileSync(path.join(reportDir, report), 'utf8'))) {
      // Outline rows with the same name would share an id: the second is "name #2".
      const count = (seen.get(scenario.name) ?? 0) + 1;
      seen.set(scenario.name, count);
      const name = count > 1 ? `${scenario.name} #${count}` : scenario.name;
      reported.push({ id: testId(file, name), outcome: scenario.outcome, message: scenario.message });
    }
  }
  return tally('behave', source, reported);
}

/** "sub.other" -> "features/sub/other.feature", for every .feature file under a features folder (bounded walk). */
function featureFiles(projectDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || found.size > 5000) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(projectDir, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative, depth + 1);
      else if (entry.name.endsWith('.feature')) {
        const below = relative.includes('features/')
          ? relative.slice(relative.lastIndexOf('features/') + 'features/'.length)
          : relative;
        found.set(below.replace(/\.feature$/, '').replace(/\//g, '.'), relative);
      }
    }
  };
  walk('', 0);
  return found;
}
