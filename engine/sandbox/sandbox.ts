// Where test commands run: one interface, a local child process or a long-lived container behind it.
export type ExecOptions = {
  timeoutMs: number;
  /** Called with each piece of output as it arrives (stdout and stderr interleaved). */
  onOutput?: (text: string) => void;
  /** Aborting kills the command at once. */
  signal?: AbortSignal;
  /** Host folders outside the project this one command may write (a confined sandbox binds them at the same path). */
  writableDirs?: readonly string[];
};

export type ExecResult = {
  exitCode: number | null;
  /** stdout and stderr, capped to the last part. */
  output: string;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
};

export type VerdictMount = { host: string; inside: string; owner?: { uid: number; gid: number } };

export interface Sandbox {
  /** "local" or "docker", shown in the status bar and reports. */
  readonly kind: string;
  /** The project folder as commands see it (their working directory): the host folder, or /app in a container. */
  readonly projectRoot: string;
  /**
   * A host folder outside the project that commands see at `inside` (Docker: mounted at the container's creation):
   * where verdict runs get their fresh report folders. Absent: commands see host paths (local processes).
   */
  readonly verdictMount?: VerdictMount;
  /** A line for the user: where and how commands run. */
  describe(): string;
  start(): Promise<void>;
  exec(command: string, options: ExecOptions): Promise<ExecResult>;
  stop(): Promise<void>;
}

/** Output kept per command: enough for any failure summary, bounded for runaway output. */
export const outputCap = 256 * 1024;
