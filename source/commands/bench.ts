// `factory bench <name>`: a dispatcher; each benchmark is its own file under source/bench/ with its own options.
import { UserError } from '../../engine/util/errors.js';

type Benchmark = { description: string; load: () => Promise<{ runBench(args: string[]): Promise<void> }> };

/** One line per benchmark: adding one is a file in source/bench/ and a line here. */
export const benchmarks: Record<string, Benchmark> = {
  sandbox: { description: 'one trivial command: local process vs exec into the persistent container vs docker run --rm', load: () => import('../bench/sandbox.js') },
};

export async function benchCommand(name: string | undefined, args: string[]): Promise<void> {
  const list = Object.entries(benchmarks).map(([key, { description }]) => `  ${key.padEnd(10)} ${description}`).join('\n');
  if (!name) {
    process.stdout.write(`usage: factory bench <name> [options]   (factory bench <name> --help for its options)\n\n${list}\n`);
    return;
  }
  const benchmark = benchmarks[name];
  if (!benchmark) throw new UserError(`no benchmark named "${name}"; there are:\n${list}`);
  await (await benchmark.load()).runBench(args);
}
