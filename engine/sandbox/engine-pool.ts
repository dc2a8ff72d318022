// SANDBOX_ENGINES: the production lines' sandboxes spread over several Docker engines, one line after another on the
// next engine in turn. An engine that stops answering fails the command its line was running (a red test run that
// says so) and the line moves to the next engine that answers, the project sent there whole (copy sync).
import type { FactoryConfig } from '../config/factory-config.js';
import { errorMessage, UserError } from '../util/errors.js';
import { sandboxImage } from './docker/default-images.js';
import { DockerSandbox } from './docker/docker-sandbox.js';
import { type DockerEngine, findNamedEngine, noEngineMessage } from './docker/find-docker-engine.js';
import { removeStaleSandboxes } from './docker/stale-containers.js';
import { chooseSync } from './create-sandbox.js';
import type { ExecOptions, ExecResult, Sandbox, VerdictMount } from './sandbox.js';

type PoolEntry = { item: string; engine: DockerEngine; down?: string };

export type LineSandboxRequest = { projectDir: string; runId: string };

export class EnginePool {
  private turn = 0;

  private constructor(
    private readonly entries: PoolEntry[],
    private readonly config: FactoryConfig,
    private readonly image: string,
    private readonly notice: (line: string) => void,
  ) {}

  /**
   * The engines of SANDBOX_ENGINES that answer now, each cleared of the sandboxes earlier runs of this host left
   * (a stop, a kill -9). None answering is a clear stop.
   */
  static async open(
    config: FactoryConfig,
    options: { env?: NodeJS.ProcessEnv; notice?: (line: string) => void } = {},
  ): Promise<EnginePool> {
    const notice = options.notice ?? (() => undefined);
    const image = sandboxImage(config.sandboxImage, config.language);
    if (!image)
      throw new UserError(`SANDBOX_ENGINES needs SANDBOX_IMAGE (LANGUAGE=${config.language} has no default image)`);
    const entries: PoolEntry[] = [];
    const silent: string[] = [];
    for (const item of config.sandboxEngines) {
      const search = await findNamedEngine(item, options.env);
      if (!search.engine) {
        silent.push(`${item} (${noEngineMessage(search)})`);
        continue;
      }
      const removed = await removeStaleSandboxes(search.engine.docker);
      if (removed.length > 0) notice(`${item}: removed ${removed.length} container(s) left by an earlier run`);
      entries.push({ item, engine: search.engine });
    }
    if (silent.length > 0) notice(`SANDBOX_ENGINES: not answering, left out: ${silent.join('; ')}`);
    if (entries.length === 0)
      throw new UserError(
        `SANDBOX_ENGINES=${config.sandboxEngines.join(',')}: no engine answers; start one or list others`,
      );
    return new EnginePool(entries, config, image, notice);
  }

  /** The engines in the pool and whether each still answers, for the user. */
  describe(): string {
    return this.entries.map((entry) => `${entry.item}${entry.down ? ' (down)' : ''}`).join(', ');
  }

  /** A line's sandbox: placed on the next engine in turn at start(), moved to another when its engine stops answering. */
  sandboxFor(request: LineSandboxRequest): Sandbox {
    return new PooledSandbox(this, request);
  }

  /** A started sandbox on the next engine in turn that answers; an engine that fails to start one is marked down. */
  async place(request: LineSandboxRequest, notice: string): Promise<{ sandbox: DockerSandbox; entry: PoolEntry }> {
    for (let tries = 0; tries < this.entries.length; tries++) {
      const entry = this.entries[this.turn++ % this.entries.length]!;
      if (entry.down) continue;
      const sync = chooseSync(this.config.sandboxSync, entry.engine);
      const sandbox = new DockerSandbox(entry.engine, {
        projectDir: request.projectDir,
        image: this.image,
        runId: request.runId,
        onNote: this.notice,
        sync: sync.mode,
      });
      try {
        await sandbox.start();
        this.notice(`${notice} on ${entry.item} (${sandbox.sync} sync)`);
        return { sandbox, entry };
      } catch (error) {
        if (await answers(entry.engine)) throw error;
        this.markDown(entry, error);
      }
    }
    throw new UserError(`SANDBOX_ENGINES: no engine left that answers (${this.describe()})`);
  }

  markDown(entry: PoolEntry, error: unknown): void {
    entry.down = errorMessage(error).split('\n')[0] ?? 'no answer';
    this.notice(`SANDBOX_ENGINES: ${entry.item} stopped answering (${entry.down})`);
  }
}

/** The sandbox a line holds; the engine under it may change between two commands. */
class PooledSandbox implements Sandbox {
  readonly kind = 'docker';
  readonly projectRoot = '/app';
  private current?: { sandbox: DockerSandbox; entry: PoolEntry };

  constructor(
    private readonly pool: EnginePool,
    private readonly request: LineSandboxRequest,
  ) {}

  get verdictMount(): VerdictMount | undefined {
    return this.current?.sandbox.verdictMount;
  }

  describe(): string {
    return this.current
      ? this.current.sandbox.describe()
      : `docker, on one of SANDBOX_ENGINES (${this.pool.describe()})`;
  }

  async start(): Promise<void> {
    if (!this.current) this.current = await this.pool.place(this.request, `line ${this.request.projectDir}`);
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const current = this.current;
    if (!current) throw new Error('pooled sandbox: exec before start()');
    const started = Date.now();
    try {
      return await current.sandbox.exec(command, options);
    } catch (error) {
      if (await answers(current.entry.engine)) throw error;
      this.pool.markDown(current.entry, error);
      this.current = undefined;
      await current.sandbox.stop().catch(() => undefined);
      const moved = await this.pool.place(this.request, 'line moved');
      this.current = moved;
      return {
        exitCode: null,
        output:
          `factory: the Docker engine ${current.entry.item} stopped answering during this command ` +
          `(${errorMessage(error).split('\n')[0]}); it did not run to its end, so this round's result does not ` +
          `count. The line moved to ${moved.entry.item}; the next round runs there.\n`,
        timedOut: false,
        truncated: false,
        durationMs: Date.now() - started,
      };
    }
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.sandbox.stop();
  }
}

async function answers(engine: DockerEngine): Promise<boolean> {
  try {
    await Promise.race([
      engine.docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}
