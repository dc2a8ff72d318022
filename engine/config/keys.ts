// Every factory_config.md setting in one table: its name, the FactoryConfig field it fills, its default, what it
// accepts (which also gives the field's type) and the line of documentation `factory init` writes.
export type KeySpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; optional: true }
  | { kind: 'bool' }
  | { kind: 'text' }
  /** Text read as a comma-separated list (empty items dropped). */
  | { kind: 'list' }
  | { kind: 'url' };

export type KeyDefinition = {
  key: string;
  field: string;
  default: string;
  spec: KeySpec;
  doc: string;
  live?: boolean;
  /** The run flag that sets it (`factory run`, `tui`, `tmux`, `doctor`, `bench suite`), as commander spells it. */
  flag?: `--${string} <${string}>`;
};

export const engineNames = ['claude', 'gemini', 'ollama', 'openai', 'scripted'] as const;
const count = (min: number, max: number) => ({ kind: 'int', min, max }) as const;

export const configKeys = [
  {
    key: 'SCOPE',
    field: 'scope',
    default: 'All',
    spec: { kind: 'enum', values: ['All', 'Specific'] },
    doc: 'All tasks of RFP/tasks.md, or Specific: only those named in TASKS.',
  },
  {
    key: 'TASKS',
    field: 'tasks',
    default: '',
    spec: { kind: 'list' },
    doc: 'With SCOPE=Specific: task numbers or titles, comma-separated (e.g. 1,3).',
  },
  {
    key: 'LANGUAGE',
    field: 'language',
    default: 'python',
    spec: { kind: 'enum', values: ['python', 'javascript', 'typescript', 'go', 'rust', 'custom'] },
    doc: 'Language of the project: picks the test command and sandbox image when they are not set.',
  },
  {
    key: 'AI_ENGINE',
    field: 'aiEngine',
    default: 'claude',
    spec: { kind: 'enum', values: engineNames },
    doc: 'Engine of the worker (coder): claude, gemini, ollama, openai, or scripted (replays SCRIPT, no AI).',
    flag: '--engine <name>',
  },
  {
    key: 'WORKER_MODEL',
    field: 'workerModel',
    default: '',
    spec: { kind: 'text' },
    doc: "Worker's model; empty: the engine's default.",
    live: true,
  },
  {
    key: 'SUPERVISOR',
    field: 'supervisor',
    default: 'none',
    spec: { kind: 'enum', values: [...engineNames, 'none'] },
    doc: 'Engine of the supervisor that reviews every round, or none.',
    flag: '--supervisor <name>',
  },
  {
    key: 'SUPERVISOR_MODEL',
    field: 'supervisorModel',
    default: '',
    spec: { kind: 'text' },
    doc: "Supervisor's model; empty: the engine's default.",
  },
  {
    key: 'MODE',
    field: 'mode',
    default: 'Dual',
    spec: { kind: 'enum', values: ['Single', 'Dual'] },
    doc: 'Single: never pauses by itself. Dual: pauses for the human when a valve trips or the supervisor escalates.',
    live: true,
    flag: '--mode <mode>',
  },
  {
    key: 'LEGO_MODE',
    field: 'legoMode',
    default: 'true',
    spec: { kind: 'bool' },
    doc: 'Small bricks: contracts/ tests/ actions/ entry/, one job per file, at most 100 lines.',
  },
  {
    key: 'TEST_CMD',
    field: 'testCmd',
    default: '',
    spec: { kind: 'text' },
    doc:
      'Command that runs the tests; empty: detected (behave, cucumber-js, godog, pytest, vitest, jest, npm test, ' +
      'go test, cargo test).',
    flag: '--test-cmd <command>',
  },
  {
    key: 'SANDBOX',
    field: 'sandbox',
    default: 'auto',
    spec: { kind: 'enum', values: ['docker', 'local', 'auto', 'none'] },
    doc:
      'Where tests run: docker (one container per run), local (processes confined by the OS sandbox: bubblewrap ' +
      'or sandbox-exec), auto (docker when an engine answers and has the image, else local), none (unconfined ' +
      "local processes: unsafe, the model's code can change anything you can).",
    flag: '--sandbox <kind>',
  },
  {
    key: 'SANDBOX_IMAGE',
    field: 'sandboxImage',
    default: '',
    spec: { kind: 'text' },
    doc: 'Docker image for the sandbox; empty: a default for LANGUAGE.',
  },
  {
    key: 'SANDBOX_SYNC',
    field: 'sandboxSync',
    default: 'auto',
    spec: { kind: 'enum', values: ['auto', 'mount', 'copy'] },
    doc:
      'How the project reaches the docker sandbox: mount (bind-mounted, the engine on this machine), copy (sent ' +
      'with the archive API, only changes before each test run, what commands write brought back: an engine on ' +
      'another machine), auto (copy when the engine is tcp:// or ssh://, else mount).',
  },
  {
    key: 'SANDBOX_ENGINES',
    field: 'sandboxEngines',
    default: '',
    spec: { kind: 'list' },
    doc:
      'Docker engines the production lines are spread over, comma-separated: docker context names or DOCKER_HOST ' +
      'values (ssh://me@box, tcp://box:2376); empty: the one engine DOCKER_HOST or the docker context names.',
  },
  {
    key: 'MAX_ROUNDS',
    field: 'maxRounds',
    default: '20',
    spec: count(1, 1000),
    doc: 'Valve: most rounds for one task.',
    live: true,
    flag: '--max-rounds <n>',
  },
  {
    key: 'MAX_PARALLEL',
    field: 'maxParallel',
    default: '1',
    spec: count(1, 16),
    doc: 'Most tasks run at the same time, each in its own line (git worktree, sandbox, worker); a line waiting for its merge is not counted; 1: one after another.',
    live: true,
    flag: '--parallel <n>',
  },
  {
    key: 'MAX_FAIL_STREAK',
    field: 'maxFailStreak',
    default: '5',
    spec: count(1, 1000),
    doc: 'Valve: most failing rounds in a row.',
    live: true,
  },
  {
    key: 'MAX_IDLE_ROUNDS',
    field: 'maxIdleRounds',
    default: '3',
    spec: count(1, 1000),
    doc: 'Valve: most rounds in a row with no file change.',
    live: true,
  },
  {
    key: 'TEST_TIMEOUT',
    field: 'testTimeoutSeconds',
    default: '300',
    spec: count(1, 86400),
    doc: 'Seconds a test run may take before it is killed.',
  },
  {
    key: 'WORKER_TOOLS',
    field: 'workerTools',
    default: 'auto',
    spec: { kind: 'enum', values: ['auto', 'off'] },
    doc:
      "auto: the worker may call factory's tools mid-round, in the run's sandbox: run_tests (the task's tests, or " +
      'some of them by id or file) and, with SANDBOX=docker, sandbox_exec (one shell command in the container, no ' +
      'network); off: none.',
  },
  {
    key: 'MAX_TOOL_CALLS',
    field: 'maxToolCalls',
    default: '20',
    spec: count(0, 1000),
    doc:
      "Most calls of factory's tools (run_tests, sandbox_exec) the worker may make in one round; further calls are " +
      'refused; 0: no tools.',
  },
  {
    key: 'MAX_SAME_FAILURE',
    field: 'maxSameFailure',
    default: '3',
    spec: count(1, 1000),
    doc: 'Valve: most rounds in a row failing the same tests the same way.',
    live: true,
  },
  {
    key: 'MAX_COST_USD',
    field: 'maxCostUsd',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc: 'Cap on the money the whole run may spend, in US dollars; empty: none.',
    live: true,
  },
  {
    key: 'MAX_MINUTES',
    field: 'maxMinutes',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc: 'Cap on the minutes the whole run may take; empty: none.',
    live: true,
  },
  {
    key: 'ARCHITECT_MODEL',
    field: 'architectModel',
    default: '',
    spec: { kind: 'text' },
    doc: 'Local model of the architect (plan); empty: WORKER_MODEL.',
  },
  {
    key: 'REVIEWER_MODEL',
    field: 'reviewerModel',
    default: '',
    spec: { kind: 'text' },
    doc: 'Local model of the reviewer (tests); empty: WORKER_MODEL.',
  },
  {
    key: 'CODER_MODEL',
    field: 'coderModel',
    default: '',
    spec: { kind: 'text' },
    doc: 'Local model of the coder; empty: WORKER_MODEL.',
  },
  {
    key: 'OLLAMA_HOST',
    field: 'ollamaHost',
    default: 'http://127.0.0.1:11434',
    spec: { kind: 'url' },
    doc: 'Address of the Ollama server.',
  },
  {
    key: 'PLAN',
    field: 'plan',
    default: 'auto',
    spec: { kind: 'enum', values: ['auto', 'true', 'false'] },
    doc:
      "Architect plan (.factory/plan.json) and reviewer-written, locked tests before each task's rounds. auto: " +
      'when the engine can play architect and reviewer (any AI engine; the scripted engine when its script has ' +
      'both sections); true: always (an error if it cannot); false: never. A task naming its tests in tasks.md, ' +
      '"(tests: ...)", skips the reviewer; its own tests are locked as found (LOCK_TESTS).',
  },
  {
    key: 'LOCK_TESTS',
    field: 'lockTests',
    default: 'auto',
    spec: { kind: 'enum', values: ['auto', 'off'] },
    doc:
      "auto: the user's test files of each task (named in its line, in the plan's testFiles, or, when the line " +
      'names none, every test file) are locked as the run found them: a change is reverted and reported to the ' +
      "coder. off: only the reviewer's tests are locked. factory_config.md, RFP/ and the runner's configuration " +
      'are locked either way.',
  },
  {
    key: 'LEGO_EXCEPTIONS',
    field: 'legoExceptions',
    default:
      'factory_config.md,RFP/**,README*,LICENSE*,*.md,.gitignore,.factory-script.json,conftest.py,**/__init__.py,' +
      'pytest.ini,pyproject.toml,setup.py,setup.cfg,requirements*.txt,package.json,package-lock.json,tsconfig.json,' +
      'go.mod,go.sum,Cargo.toml,Cargo.lock,features/**',
    spec: { kind: 'list' },
    doc:
      'With LEGO_MODE: comma-separated globs (project-relative paths) of files allowed outside contracts/ tests/ ' +
      'actions/ entry/ and over 100 lines.',
  },
  {
    key: 'OLLAMA_NUM_CTX',
    field: 'ollamaNumCtx',
    default: '32768',
    spec: count(512, 1_048_576),
    doc:
      "Context window (num_ctx, tokens) asked of Ollama models, capped by what each model supports: Ollama's own " +
      'small default cuts long prompts silently.',
  },
  {
    key: 'OLLAMA_PULL',
    field: 'ollamaPull',
    default: 'true',
    spec: { kind: 'bool' },
    doc:
      "With the ollama engine: pull a role's model the server lacks (with progress); false: stop with an error " +
      'naming it.',
  },
  {
    key: 'VRAM_BUDGET_GB',
    field: 'vramBudgetGb',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc:
      'Memory for local models, in GB: a set of Ollama models that cannot be loaded together within it is refused ' +
      'before the run; empty: no check.',
  },
  {
    key: 'OPENAI_BASE_URL',
    field: 'openaiBaseUrl',
    default: 'http://127.0.0.1:1234/v1',
    spec: { kind: 'url' },
    doc:
      'With the openai engine: base URL of the OpenAI-compatible server (LM Studio, vLLM, llama.cpp server, ' +
      'Ollama /v1), up to /v1.',
  },
  {
    key: 'OPENAI_API_KEY_ENV',
    field: 'openaiApiKeyEnv',
    default: 'OPENAI_API_KEY',
    spec: { kind: 'text' },
    doc:
      'With the openai engine: the environment variable holding the API key (the key itself never goes in this ' +
      'file); unset: no key sent.',
  },
  {
    key: 'OPENAI_PARALLEL',
    field: 'openaiParallel',
    default: '1',
    spec: count(1, 64),
    doc:
      'With the openai engine and production lines (MAX_PARALLEL > 1): most calls the server takes at once (its ' +
      "slots: llama.cpp's --parallel, vLLM's --max-num-seqs); the other lines' calls wait in a queue.",
  },
  {
    key: 'SCRIPT',
    field: 'script',
    default: '.factory-script.json',
    spec: { kind: 'text' },
    doc: 'With AI_ENGINE=scripted: the JSON script to replay (see README).',
    flag: '--script <file>',
  },
  {
    key: 'AGENT_TIMEOUT',
    field: 'agentTimeoutSeconds',
    default: '1800',
    spec: count(10, 86400),
    doc:
      'Seconds one call of the claude or gemini CLI (a worker round or a supervisor review) may take before it is ' +
      'killed.',
  },
] as const satisfies readonly KeyDefinition[];

export const keyNames: readonly string[] = configKeys.map((definition) => definition.key);

export function findKey(key: string): KeyDefinition | undefined {
  return (configKeys as readonly KeyDefinition[]).find((definition) => definition.key === key);
}
