// Benchmark reports as text for the terminal and as the Markdown table the README shows.
import type { BenchReport, Figure, Goal } from './bench-report.js';

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const subjectText = (goal: Goal): string =>
  goal.subject.includes('/')
    ? `${goal.actual.toFixed(2)}x (goal ≤ ${goal.limit}x)`
    : `${ms(goal.actual)} (goal ≤ ${goal.limit} ms)`;

export function formatText(report: BenchReport): string {
  const width = Math.max(...report.figures.map((figure) => figure.label.length), 10);
  const lines = [`${report.name}: ${report.method}`];
  for (const figure of report.figures) {
    const { median, p25, p75, min, max, n } = figure.stats;
    lines.push(
      `  ${figure.label.padEnd(width)}  median ${ms(median).padStart(9)}   p25-p75 ` +
        `${p25.toFixed(1)}-${p75.toFixed(1)}   min-max ${min.toFixed(1)}-${max.toFixed(1)}   n=${n}`,
    );
  }
  for (const ratio of report.ratios) lines.push(`  ${ratio.label}: ${ratio.value.toFixed(2)}x`);
  for (const goal of report.goals) lines.push(`  ${goal.met ? 'MET ' : 'MISSED'} ${goal.label}: ${subjectText(goal)}`);
  for (const missing of report.unavailable) lines.push(`  not measured: ${missing.label}: ${missing.reason}`);
  return lines.join('\n');
}

export function formatMarkdown(reports: BenchReport[]): string {
  const rows = ['| benchmark | measure | median | p25–p75 | goal |', '|---|---|---:|---:|---|'];
  for (const report of reports) {
    for (const figure of report.figures) rows.push(figureRow(report, figure));
    for (const ratio of report.ratios) {
      const goal = report.goals.find((entry) => entry.subject === ratio.label);
      rows.push(
        `| ${report.name} | ${ratio.label} | ${ratio.value.toFixed(2)}x | | ` +
          `${goal ? `≤ ${goal.limit}x ${goal.met ? '✅' : '❌'}` : ''} |`,
      );
    }
    for (const missing of report.unavailable)
      rows.push(`| ${report.name} | ${missing.label} | n/a | | ${missing.reason} |`);
  }
  return rows.join('\n');
}

function figureRow(report: BenchReport, figure: Figure): string {
  const goal = report.goals.find((entry) => entry.subject === figure.id);
  const { median, p25, p75 } = figure.stats;
  return (
    `| ${report.name} | ${figure.label.replaceAll('|', '\\|')} | ${ms(median)} | ` +
    `${p25.toFixed(1)}–${p75.toFixed(1)} | ${goal ? `≤ ${goal.limit} ms ${goal.met ? '✅' : '❌'}` : ''} |`
  );
}
