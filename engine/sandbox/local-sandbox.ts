// Runs commands as child processes in the project folder, inside the OS sandbox when confined; on timeout or abort
// everything they started is killed.
import fs from 'node:fs';
import { execa } from 'execa';
import {
  confineCommand,
  confinedState,
  type ConfinedCommand,
  type ConfinedState,
  type Confinement,
} from './confine-command.js';
import { outputCap, type ExecOptions, type ExecResult, type Sandbox } from './sandbox.js';
import { guardChild } from './guard-child.js';
import { markedGone, markedProcesses, markerVariable, newMarker } from './process-marker.js';
import { StreamOutput } from './stream-output.js';

/** After the command itself exits, how long its output may stay open before the holders are named and stopped. */
const drainMs = 1000;

export type LocalSandboxOptions = {
  env?: Record<string, string>;
  /** Absent: unconfined (SANDBOX=none, and factory's own tooling). */
  confinement?: Confinement;
};

export class LocalSandbox implements Sandbox {
  readonly kind = 'local';
  private readonly env: Record<string, string>;
  private readonly confinement?: Confinement;
  /** The confined commands' temp and cache folder, outside the project; made on first use, removed at stop. */
  private confined?: ConfinedState;

  constructor(
    private readonly projectDir: string,
    options: LocalSandboxOptions = {},
  ) {
    this.env = options.env ?? {};
    this.confinement = options.confinement;
  }

  get projectRoot(): string {
    return this.projectDir;
  }

  describe(): string {
    const os = this.confinement?.os.kind;
    if (!os) return `local processes in ${this.projectDir}, unconfined`;
    const by = os === 'bubblewrap' ? 'bubblewrap' : 'sandbox-exec (Seatbelt)';
    return (
      `local processes in ${this.projectDir}, confined by ${by}: only the project writable (not .git/, .factory/, ` +
      'locked tests or dependency folders), private /tmp, no network'
    );
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    if (this.confined) fs.rmSync(this.confined.privateDir, { recursive: true, force: true });
    this.confined = undefined;
  }

  /** The command as it runs: through the shell, or inside the OS sandbox with the runners' private caches. */
  private spawnArgs(command: string, writableDirs?: readonly string[]): ConfinedCommand | undefined {
    if (!this.confinement) return undefined;
    const projectDir = fs.realpathSync(this.projectDir);
    this.confined ??= confinedState(projectDir);
    return confineCommand(this.confinement, projectDir, this.confined, command, writableDirs);
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const started = Date.now();
    const output = new StreamOutput(outputCap, options.onOutput);
    const marker = newMarker();
    const confined = this.spawnArgs(command, options.writableDirs);
    const settings = {
      cwd: this.projectDir,
      detached: true,
      reject: false,
      stdin: 'ignore',
      all: true,
      buffer: false,
      encoding: 'buffer',
      env: { PYTHONDONTWRITEBYTECODE: '1', CI: 'true', ...this.env, ...confined?.env, [markerVariable]: marker },
    } as const;
    const child = confined
      ? execa(confined.binary, confined.args, settings)
      : execa(command, { ...settings, shell: true });
    const guard = guardChild(child.pid, options.timeoutMs, options.signal, marker);
    child.all?.on('data', (bytes: Uint8Array) => output.write(bytes));
    // The command may end while something it started in the background keeps stdout open: name it, then stop it.
    let exitCode: number | null | undefined;
    let drain: NodeJS.Timeout | undefined;
    child.nodeChildProcess.once('exit', (code: number | null) => {
      exitCode = code;
      drain = setTimeout(() => {
        const holders = markedProcesses(marker);
        if (holders.length === 0) return;
        const names = holders
          .slice(0, 5)
          .map((process) => `${process.pid} ${process.command.slice(0, 80)}`)
          .join('; ');
        output.note(
          `\n[factory: the test command ended (exit ${code ?? 'by signal'}), but background process(es) kept ` +
            `its output open: ${names}; factory stopped them]\n`,
        );
        guard.killAll();
      }, drainMs);
    });
    const result = await child;
    clearTimeout(drain);
    const { output: text, truncated } = output.end();
    guard.done();
    const timedOut = guard.timedOut();
    // A killed run returns once its processes are gone: what comes next (the round's tests, the next call) never
    // meets them.
    if (timedOut || options.signal?.aborted) await markedGone(marker);
    return {
      exitCode: timedOut ? null : (exitCode ?? result.exitCode ?? null),
      output: text,
      timedOut,
      truncated,
      durationMs: Date.now() - started,
    };
  }
}
