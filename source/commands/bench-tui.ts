// `factory bench tui`: a scripted worker streams lines into a real dashboard on a pseudo-terminal; frames, event-to-frame delay, CPU and memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { attachToRun } from '../../engine/attach/attach-client.js';
import { serveAttach } from '../../engine/attach/attach-server.js';
import { Emitter } from '../../engine/control/emitter.js';
import type { EventPayload, FactoryEventType } from '../../engine/events.js';
import { UserError } from '../../engine/util/errors.js';
import { dark } from '../../themes/dark.js';
import { cliEntry } from '../run/package-root.js';

export type BenchTuiOptions = { seconds: string; rate: string; child?: string; stats?: string };

type ChildStats = { frames: number; cpuMs: number; peakRssMb: number; rssEarlyMb: number; rssEndMb: number; heapEarlyMb: number; heapEndMb: number };

const columns = 120;
const rows = 40;

export async function benchTuiCommand(options: BenchTuiOptions): Promise<void> {
  if (options.child) return dashboardUnderTest(options.child, options.stats!);
  const seconds = positive(options.seconds, '--seconds');
  const rate = positive(options.rate, '--rate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-tui-'));
  try {
    const result = await measure(dir, seconds, rate);
    const lines = [
      `dashboard under a worker streaming ${rate} lines/s for ${seconds} s (${columns}x${rows} pseudo-terminal):`,
      `  lines streamed          ${result.sent}`,
      `  frames rendered         ${result.stats.frames} (${(result.stats.frames / seconds).toFixed(1)}/s)`,
      `  event-to-frame delay    max ${result.maxDelayMs.toFixed(1)} ms, median ${result.medianDelayMs.toFixed(1)} ms; ${result.late} of ${result.frames} frames with new lines later than 100 ms (goal: none)`,
      `  newest line on screen   ${result.lastShown} of ${result.sent}`,
      `  dashboard CPU time      ${(result.stats.cpuMs / 1000).toFixed(2)} s (${((result.stats.cpuMs / 1000 / seconds) * 100).toFixed(0)}% of one core)`,
      `  machine load            ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (1/5/15 min) on ${os.cpus().length} cores`,
      `  dashboard memory        peak RSS ${result.stats.peakRssMb.toFixed(0)} MB; RSS ${result.stats.rssEarlyMb.toFixed(0)} MB after 2 s, ${result.stats.rssEndMb.toFixed(0)} MB at the end; heap ${result.stats.heapEarlyMb.toFixed(0)} → ${result.stats.heapEndMb.toFixed(0)} MB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function positive(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UserError(`${flag} is "${value}"; it needs a positive number`);
  return number;
}

/** The parent: serves a stand-in engine's events, runs the dashboard under `script` (a real pty), reads what reaches the terminal. */
async function measure(dir: string, seconds: number, rate: number) {
  const emitter = new Emitter();
  const say = <T extends FactoryEventType>(type: T, payload: EventPayload<T>): void => emitter.emit({ ts: new Date().toISOString(), task: 1, round: 1, type, ...payload } as never);
  const server = await serveAttach({ on: (listener) => emitter.on(listener), send: () => undefined }, dir);
  const statsFile = path.join(dir, 'stats.json');
  const child = spawnOnPty(`stty cols ${columns} rows ${rows}; exec ${shellQuote(process.execPath)} ${shellQuote(cliEntry())} bench tui --child ${shellQuote(dir)} --stats ${shellQuote(statsFile)}`);
  let drawn = false;
  const sentAt = new Float64Array(Math.ceil(seconds * rate) + 1);
  const delays: number[] = [];
  let shown = 0;
  let sent = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const now = performance.now();
    if (text.includes('Worker')) drawn = true;
    let newest = shown;
    for (const match of text.matchAll(/L(\d+)x/g)) newest = Math.max(newest, Number(match[1]));
    if (newest > shown && newest <= sent) {
      // Every line from the last one shown to the newest entered the pane in this frame; the oldest waited longest.
      delays.push(now - sentAt[shown + 1]!);
      shown = newest;
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await waitFor(() => server.clients() > 0 && drawn, exited);
  say('run:started', { runId: 'bench', branch: 'factory/bench', baseBranch: 'main', sandbox: 'none', engine: 'scripted', testCommand: 'none', tasks: [{ index: 1, title: 'stream', done: false }] });
  say('task:started', { title: 'stream', maxRounds: 1 });
  say('round:started', { maxRounds: 1, failStreak: 0, idleStreak: 0 });
  const start = performance.now();
  const total = sentAt.length - 1;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) {
        sent++;
        sentAt[sent] = performance.now();
        say('agent:chunk', { text: `L${sent}x ${'streamed output '.repeat(4)}` });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  say('run:finished', { outcome: 'green', exitCode: 0, reason: 'bench over', tasksGreen: 1, tasksTotal: 1 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  child.stdin.write('q');
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
  await server.close();
  if (code === 'timeout') child.kill();
  if (!fs.existsSync(statsFile)) throw new UserError(`the dashboard under test wrote no figures (exit ${String(code)})`);
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ChildStats;
  const sorted = [...delays].sort((a, b) => a - b);
  return { stats, sent, lastShown: shown, frames: sorted.length, late: sorted.filter((delay) => delay > 100).length, maxDelayMs: sorted.at(-1) ?? NaN, medianDelayMs: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

/** util-linux and BSD `script` both give the command a pseudo-terminal with no native module to install. */
function spawnOnPty(command: string) {
  const args = process.platform === 'darwin' ? ['-q', '/dev/null', 'sh', '-c', command] : ['-q', '-f', '-e', '-c', command, '/dev/null'];
  const child = spawn('script', args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, TERM: 'xterm-256color' } });
  child.once('error', (error) => {
    throw new UserError(`factory bench tui needs the \`script\` command (util-linux or BSD) for a pseudo-terminal: ${error.message}`);
  });
  return child;
}

/** Waits until the dashboard under test has attached and drawn its first frame. */
async function waitFor(ready: () => boolean, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (gone || Date.now() > deadline) throw new UserError('the dashboard under test did not attach and draw');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** The child: a real dashboard attached to the bench's channel, counting its frames and its own CPU and memory. */
async function dashboardUnderTest(dir: string, statsFile: string): Promise<void> {
  // Ink loads before attaching: the bench starts streaming as soon as the dashboard attaches.
  const { showDashboard } = await import('../tui/show-dashboard.js');
  const client = await attachToRun(dir);
  if (!client) throw new UserError(`no bench channel answers in ${dir}`);
  const started = Date.now();
  let frames = 0;
  let peakRss = 0;
  let early = { rss: 0, heap: 0 };
  const sample = (): void => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    if (early.rss === 0 && Date.now() - started >= 2000) early = { rss, heap: heapUsed };
  };
  const sampler = setInterval(sample, 100);
  await showDashboard(client, { theme: dark, onFrame: () => frames++ });
  clearInterval(sampler);
  sample();
  const cpu = process.cpuUsage();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  const stats: ChildStats = { frames, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: mb(peakRss), rssEarlyMb: mb(early.rss), rssEndMb: mb(rss), heapEarlyMb: mb(early.heap), heapEndMb: mb(heapUsed) };
  fs.writeFileSync(statsFile, JSON.stringify(stats));
}
