// `factory bench tui`: a scripted worker streams lines into a real dashboard on a pseudo-terminal; frames,
// event-to-frame delay, CPU and memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants, type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';
import { attachToRun } from '../../engine/attach/attach-client.js';
import { serveAttach } from '../../engine/attach/attach-server.js';
import { Emitter } from '../../engine/control/emitter.js';
import { eventsFormat } from '../../engine/reports/events-format.js';
import type { EventPayload, FactoryEventType } from '../../engine/contract/events.js';
import { UserError } from '../../engine/util/errors.js';
import { dark } from '../../themes/dark.js';
import { cliEntry } from '../../engine/util/package-root.js';

export type BenchTuiOptions = { seconds: string; rate: string; child?: string; stats?: string };

type ChildStats = {
  frames: number;
  firstFrameMs: number;
  updates: number;
  late: number;
  maxDelayMs: number;
  medianDelayMs: number;
  lastShown: number;
  cpuMs: number;
  /** CPU and wall time from the first streamed line to run:finished. */
  streamCpuMs: number;
  streamWallMs: number;
  peakRssMb: number;
  rssMb: number[];
  heapMb: number[];
  /** The heap just after the latest full collection (null before the first): what the dashboard keeps. */
  liveMb: (number | null)[];
  /** Memory V8 knows of outside its heap: Buffers and WebAssembly memory (Yoga's, which only ever grows). */
  externalMb: number[];
};

const columns = 120;
const rows = 40;

export async function benchTuiCommand(options: BenchTuiOptions): Promise<void> {
  if (options.child) return dashboardUnderTest(options.child, options.stats!);
  const seconds = positive(options.seconds, '--seconds');
  const rate = positive(options.rate, '--rate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-tui-'));
  try {
    const result = await measure(dir, seconds, rate);
    const { sent, stats } = result;
    const whole = (value: number) => value.toFixed(0);
    const secs = (ms: number) => (ms / 1000).toFixed(2);
    const samples = (mbs: (number | null)[]) => mbs.map((mb) => (mb === null ? '-' : mb.toFixed(0))).join(' ');
    const lines = [
      `dashboard under a worker streaming ${rate} lines/s for ${seconds} s (${columns}x${rows} pseudo-terminal ` +
        `under \`script\`):`,
      `  lines streamed          ${sent}; newest line drawn: ${stats.lastShown}`,
      `  frames rendered         ${stats.frames} (${stats.updates} of them brought new lines); ` +
        `first frame ${whole(stats.firstFrameMs)} ms after the dashboard process started`,
      `  event-to-frame delay    max ${whole(stats.maxDelayMs)} ms, median ${whole(stats.medianDelayMs)} ms; ` +
        `frames later than 100 ms: ${stats.late} (goal: none)`,
      `  dashboard CPU time      ${secs(stats.cpuMs)} s, start to quit ` +
        `(${seconds + warmUpMs / 1000 + 1} s of streaming and waiting, plus start-up)`,
      `  CPU while streaming     ${secs(stats.streamCpuMs)} s in ${secs(stats.streamWallMs)} s: ` +
        `${((100 * stats.streamCpuMs) / stats.streamWallMs).toFixed(0)}% of one core (goal: under 33%)`,
      `  dashboard memory        peak RSS ${whole(stats.peakRssMb)} MB; every 2 s from attach to quit: ` +
        `RSS ${samples(stats.rssMb)} MB, heap ${samples(stats.heapMb)} MB, ` +
        `heap after the latest full collection ${samples(stats.liveMb)} MB, external ${samples(stats.externalMb)} MB`,
      `  memory after 4 s        heap after full collections ${growth(stats.liveMb)}, RSS ${growth(stats.rssMb)}, ` +
        'from 4 s after attach to quit (goal: flat)',
      `  machine load            ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} (1/5/15 min) on ${os.cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The last sample less the first from 4 s after attach on (samples are 2 s apart; null: nothing measured yet). */
function growth(mbs: (number | null)[]): string {
  const measured = mbs.slice(2).filter((mb) => mb !== null);
  const from = measured[0];
  const to = measured.at(-1);
  if (from === undefined || to === undefined) return 'not measured (too short a run)';
  const change = to - from;
  return `${change >= 0 ? '+' : ''}${change.toFixed(0)} MB`;
}

function positive(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UserError(`${flag} is "${value}"; it needs a positive number`);
  return number;
}

/** The parent: serves a stand-in engine's events and runs the dashboard under `script`, a real pseudo-terminal. */
async function measure(dir: string, seconds: number, rate: number) {
  const emitter = new Emitter();
  const say = <T extends FactoryEventType>(type: T, payload: EventPayload<T>): void =>
    emitter.emit({ ts: new Date().toISOString(), task: 1, round: 1, type, ...payload } as never);
  const server = await serveAttach({ on: (listener) => emitter.on(listener), send: () => undefined }, dir);
  const statsFile = path.join(dir, 'stats.json');
  const child = spawnOnPty(
    `stty cols ${columns} rows ${rows}; exec ${shellQuote(process.execPath)} ${shellQuote(cliEntry())} bench ` +
      `tui --child ${shellQuote(dir)} --stats ${shellQuote(statsFile)}`,
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await attached(server.clients, exited);
  say('run:started', {
    format: eventsFormat,
    resumed: false,
    runId: 'bench',
    branch: 'factory/bench',
    baseBranch: 'main',
    sandbox: 'none',
    engine: 'scripted',
    testCommand: 'none',
    tasks: [{ index: 1, title: 'stream', done: false }],
    usage: { costUsd: 0, tokens: 0 },
  });
  say('task:started', { title: 'stream', maxRounds: 1 });
  say('round:started', { maxRounds: 1, failStreak: 0, idleStreak: 0, runRound: 1, head: '' });
  // Start-up (first frame) is measured apart; this is about keeping up once drawn.
  await sleep(warmUpMs);
  const total = Math.ceil(seconds * rate);
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) {
        sent++;
        // The dashboard reads the line number and the time it was sent back from what it draws.
        say('agent:chunk', { text: `L${sent}x${Date.now()}t ${'streamed output '.repeat(4)}` });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  say('run:finished', { outcome: 'green', exitCode: 0, reason: 'bench over', tasksGreen: 1, tasksTotal: 1 });
  await sleep(1000);
  await server.close();
  // q quits; should the dashboard still be catching up and ask, k answers "leave it running".
  child.stdin.write('q');
  await sleep(300);
  child.stdin.end('k');
  // unref: a dashboard that quit in time must not keep the bench waiting for this timer.
  const code = await Promise.race([
    exited,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref()),
  ]);
  if (code === 'timeout') child.kill();
  if (!fs.existsSync(statsFile))
    throw new UserError(`the dashboard under test wrote no figures (exit ${String(code)})`);
  return { sent, stats: JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ChildStats };
}

const warmUpMs = 1000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** util-linux and BSD `script` both give the command a pseudo-terminal with no native module to install. */
function spawnOnPty(command: string) {
  const args =
    process.platform === 'darwin'
      ? ['-q', '/dev/null', 'sh', '-c', command]
      : ['-q', '-f', '-e', '-c', command, '/dev/null'];
  const child = spawn('script', args, {
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { ...process.env, TERM: 'xterm-256color' },
  });
  child.once('error', (error) => {
    throw new UserError(
      `factory bench tui needs the \`script\` command (util-linux or BSD) for a pseudo-terminal: ${error.message}`,
    );
  });
  return child;
}

/** Waits until the dashboard under test has attached. */
async function attached(clients: () => number, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (clients() === 0) {
    if (gone || Date.now() > deadline) throw new UserError('the dashboard under test did not attach');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * The child: a real dashboard attached to the bench's channel; it times each line from when it was sent to the frame
 * that first drew it.
 */
async function dashboardUnderTest(dir: string, statsFile: string): Promise<void> {
  // Ink loads before attaching: the bench starts streaming once the dashboard has attached.
  const { showDashboard } = await import('../tui/show-dashboard.js');
  const client = await attachToRun(dir);
  if (!client) throw new UserError(`no bench channel answers in ${dir}`);
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  let frames = 0;
  let peakRss = 0;
  const rssMb: number[] = [];
  const heapMb: number[] = [];
  const externalMb: number[] = [];
  const liveMb: (number | null)[] = [];
  // The heap between collections holds garbage until the next one; right after a full collection it holds only
  // what is kept. RSS also follows V8's young generation, which grows with the allocation rate up to its limit.
  let afterFull: number | undefined;
  const fullCollections = new PerformanceObserver((list) => {
    const full = list.getEntries().some((entry) => gcKind(entry) === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (full) afterFull = process.memoryUsage().heapUsed;
  });
  fullCollections.observe({ entryTypes: ['gc'] });
  let samples = 0;
  const sample = (): void => {
    const { rss, heapUsed, external } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    if (samples++ % 20 === 0) {
      rssMb.push(mb(rss));
      heapMb.push(mb(heapUsed));
      liveMb.push(afterFull === undefined ? null : mb(afterFull));
      externalMb.push(mb(external));
    }
  };
  const sampler = setInterval(sample, 100);
  const delays: number[] = [];
  let shown = 0;
  // Frames go to the terminal through stdout; the newest line number in a frame tells which lines it brought.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    let newest: { line: number; sentAt: number } | undefined;
    for (const match of String(chunk).matchAll(/L(\d+)x(\d+)t/g)) {
      const line = Number(match[1]);
      if (line > shown && (!newest || line > newest.line)) newest = { line, sentAt: Number(match[2]) };
    }
    const result = write(chunk, ...rest);
    if (newest) {
      // The oldest line this frame brought waited longest: it was sent just after the line shown before.
      delays.push(Date.now() - (sentTimes[shown + 1] ?? newest.sentAt));
      shown = newest.line;
    }
    return result;
  }) as typeof process.stdout.write;
  // Indexed by line number (lines come in order): a Map trimmed
  // from its front costs more than the dashboard it measures.
  const sentTimes: number[] = [];
  let streaming: { cpu: NodeJS.CpuUsage; at: number } | undefined;
  let streamed: { cpuMs: number; wallMs: number } | undefined;
  client.on((event) => {
    if (event.type === 'run:finished' && streaming) {
      const cpu = process.cpuUsage(streaming.cpu);
      streamed = { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - streaming.at };
    }
    if (event.type !== 'agent:chunk') return;
    streaming ??= { cpu: process.cpuUsage(), at: performance.now() };
    const match = /^L(\d+)x(\d+)t/.exec(event.text);
    if (match) sentTimes[Number(match[1])] = Number(match[2]);
  });
  let firstFrameMs = NaN;
  await showDashboard(client, {
    theme: dark,
    onFrame: () => {
      // performance.now() counts from the process's start: this is the start-up a user waits through.
      if (frames++ === 0) firstFrameMs = performance.now();
    },
  });
  clearInterval(sampler);
  fullCollections.disconnect();
  sample();
  const cpu = process.cpuUsage();
  const sorted = delays.sort((a, b) => a - b);
  const stats: ChildStats = {
    frames,
    firstFrameMs,
    updates: sorted.length,
    late: sorted.filter((delay) => delay > 100).length,
    maxDelayMs: sorted.at(-1) ?? NaN,
    medianDelayMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    lastShown: shown,
    cpuMs: (cpu.user + cpu.system) / 1000,
    streamCpuMs: streamed?.cpuMs ?? NaN,
    streamWallMs: streamed?.wallMs ?? NaN,
    peakRssMb: mb(peakRss),
    rssMb,
    heapMb,
    liveMb,
    externalMb,
  };
  fs.writeFileSync(statsFile, JSON.stringify(stats));
}

const gcKind = (entry: PerformanceEntry): number | undefined => (entry as { detail?: { kind?: number } }).detail?.kind;
