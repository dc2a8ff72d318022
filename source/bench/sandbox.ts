// `factory bench sandbox`: the overhead of one trivial command through each sandbox way, side by side, or as JSON.
import { Command, InvalidArgumentError } from 'commander';
import { measureSandboxOverhead, type SandboxOverhead } from '../../engine/bench/sandbox-overhead.js';
import { sandboxImage } from '../../engine/sandbox/docker/default-images.js';
import { findDockerEngine, noEngineMessage } from '../../engine/sandbox/docker/find-docker-engine.js';
import { UserError } from '../../engine/util/errors.js';

type Options = { runs: number; image: string; json?: boolean; cli: boolean };

const goals = { ratio: 4, execMedianMs: 50 };

export async function runBench(args: string[]): Promise<void> {
  const command = new Command('factory bench sandbox')
    .description('median overhead of `true`: local process, exec into the persistent container, docker run --rm (API, and the docker CLI when installed)')
    .option('--runs <n>', 'runs of each way (at least 20)', atLeast(20), 20)
    .option('--image <name>', 'the image to run in', sandboxImage('', 'python')!)
    .option('--json', 'print the figures as JSON')
    .option('--no-cli', 'skip the docker CLI rows');
  command.parse(args, { from: 'user' });
  const options = command.opts<Options>();
  const search = await findDockerEngine();
  if (!search.engine) throw new UserError(`bench sandbox: ${noEngineMessage(search)}`);
  const withCli = options.cli && (await hasDockerCli());
  const result = await measureSandboxOverhead(search.engine, options.image, options.runs, withCli);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : render(result));
}

function render(result: SandboxOverhead): string {
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const rows = result.ways.map(({ label, stats }) => `  ${label.padEnd(34)} ${ms(stats.medianMs).padStart(10)}   ${`${stats.p25Ms.toFixed(1)}–${stats.p75Ms.toFixed(1)}`.padStart(14)}   ${`${stats.minMs.toFixed(1)}–${stats.maxMs.toFixed(1)}`.padStart(14)}`);
  const exec = result.ways.find((way) => way.id === 'exec')!.stats.medianMs;
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  return [
    `sandbox overhead of \`${result.command}\`, ${result.runs} runs each (after 2 warm-up runs), image ${result.image}, engine ${result.engine}`,
    '',
    `  ${'way'.padEnd(34)} ${'median'.padStart(10)}   ${'p25–p75 ms'.padStart(14)}   ${'min–max ms'.padStart(14)}`,
    ...rows,
    '',
    `  docker run --rm / persistent exec: ${result.execVsRunRm.toFixed(1)}×   (goal ≥ ${goals.ratio}×: ${met(result.execVsRunRm >= goals.ratio)})`,
    `  persistent exec / local process:   ${result.execVsLocal.toFixed(1)}×   (exec median ${ms(exec)}, goal < ${goals.execMedianMs} ms: ${met(exec < goals.execMedianMs)})`,
    '',
  ].join('\n');
}

function atLeast(min: number): (value: string) => number {
  return (value) => {
    const runs = Number(value);
    if (!Number.isInteger(runs) || runs < min) throw new InvalidArgumentError(`--runs must be a whole number of at least ${min}`);
    return runs;
  };
}

async function hasDockerCli(): Promise<boolean> {
  const { execa } = await import('execa');
  return (await execa('docker', ['--version'], { reject: false })).exitCode === 0;
}
