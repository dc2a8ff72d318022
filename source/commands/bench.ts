// `factory bench [name]`: runs the sub-benchmarks (all, or the one named) and prints text, JSON or a Markdown table.
import os from 'node:os';
import packageJson from '../../package.json' with { type: 'json' };
import type { BenchReport } from '../bench/bench-report.js';
import { UserError } from '../../engine/util/errors.js';
import { benchmarks, notMeasured, type BenchOptions } from '../bench/benchmarks.js';
import { formatMarkdown, formatText } from '../bench/format-report.js';

export async function benchCommand(
  name: string | undefined,
  options: BenchOptions & { json?: boolean; markdown?: boolean },
): Promise<void> {
  const chosen = name === undefined ? benchmarks : benchmarks.filter((benchmark) => benchmark.name === name);
  if (chosen.length === 0)
    throw new UserError(
      `bench: no benchmark named "${name}"; choose one of ` +
        `${benchmarks.map((benchmark) => benchmark.name).join(', ')}, or \`factory bench suite DIR\``,
    );
  // Every flag is read before the first measurement, so a typo never costs a long run.
  const prepared = chosen.map((benchmark) => ({ benchmark, measure: benchmark.prepare(options) }));
  const reports: BenchReport[] = [];
  for (const { benchmark, measure } of prepared) {
    process.stderr.write(`factory bench: ${benchmark.name} (${benchmark.description})…\n`);
    let report: BenchReport;
    try {
      report = await measure();
    } catch (error) {
      // The one asked for by name fails as usual; in a full run it is marked and the others still run.
      if (name !== undefined) throw error;
      report = notMeasured(benchmark, error);
    }
    reports.push(report);
    if (!options.json && !options.markdown) process.stdout.write(`${formatText(report)}\n\n`);
  }
  if (options.json) {
    // The load average tells how busy the machine was: absolute figures move with it, ratios much less.
    const machine = {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: os.loadavg()[0],
    };
    process.stdout.write(
      `${JSON.stringify({ factory: packageJson.version, date: new Date().toISOString(), machine, reports }, null, 2)}` +
        '\n',
    );
  } else if (options.markdown) {
    process.stdout.write(`${formatMarkdown(reports)}\n`);
  }
  if (reports.every((report) => report.figures.length === 0))
    throw new UserError('bench: nothing could be measured (see the reasons above)');
}
