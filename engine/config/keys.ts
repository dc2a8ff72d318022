// Every factory_config.md setting: its default, what it accepts, and the line of documentation `factory init` writes.
export type KeySpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; optional: true }
  | { kind: 'bool' }
  | { kind: 'text' }
  | { kind: 'url' };

export type KeyDefinition = { key: string; default: string; spec: KeySpec; doc: string; live?: boolean };

const engines = ['claude', 'gemini', 'ollama', 'openai', 'scripted'] as const;
const count = (min: number, max: number): KeySpec => ({ kind: 'int', min, max });

export const configKeys = [
  {
    key: 'SCOPE',
    default: 'All',
    spec: { kind: 'enum', values: ['All', 'Specific'] },
    doc: 'All tasks of RFP/tasks.md, or Specific: only those named in TASKS.',
  },
  {
    key: 'TASKS',
    default: '',
    spec: { kind: 'text' },
    doc: 'With SCOPE=Specific: task numbers or titles, comma-separated (e.g. 1,3).',
  },
  {
    key: 'LANGUAGE',
    default: 'python',
    spec: { kind: 'enum', values: ['python', 'javascript', 'typescript', 'go', 'rust', 'custom'] },
    doc: 'Language of the project: picks the test command and sandbox image when they are not set.',
  },
  {
    key: 'AI_ENGINE',
    default: 'claude',
    spec: { kind: 'enum', values: engines },
    doc: 'Engine of the worker (coder): claude, gemini, ollama, openai, or scripted (replays SCRIPT, no AI).',
  },
  {
    key: 'WORKER_MODEL',
    default: '',
    spec: { kind: 'text' },
    doc: "Worker's model; empty: the engine's default.",
    live: true,
  },
  {
    key: 'SUPERVISOR',
    default: 'none',
    spec: { kind: 'enum', values: [...engines, 'none'] },
    doc: 'Engine of the supervisor that reviews every round, or none.',
  },
  {
    key: 'SUPERVISOR_MODEL',
    default: '',
    spec: { kind: 'text' },
    doc: "Supervisor's model; empty: the engine's default.",
  },
  {
    key: 'MODE',
    default: 'Dual',
    spec: { kind: 'enum', values: ['Single', 'Dual'] },
    doc: 'Single: never pauses by itself. Dual: pauses for the human when a valve trips or the supervisor escalates.',
    live: true,
  },
  {
    key: 'LEGO_MODE',
    default: 'true',
    spec: { kind: 'bool' },
    doc: 'Small bricks: contracts/ tests/ actions/ entry/, one job per file, at most 100 lines.',
  },
  {
    key: 'TEST_CMD',
    default: '',
    spec: { kind: 'text' },
    doc:
      'Command that runs the tests; empty: detected (behave, cucumber-js, godog, pytest, vitest, jest, npm test, ' +
      'go test, cargo test).',
  },
  {
    key: 'SANDBOX',
    default: 'auto',
    spec: { kind: 'enum', values: ['docker', 'local', 'auto'] },
    doc:
      'Where tests run: docker (one container per run), local (a child process), auto (docker when an engine ' +
      'answers).',
  },
  {
    key: 'SANDBOX_IMAGE',
    default: '',
    spec: { kind: 'text' },
    doc: 'Docker image for the sandbox; empty: a default for LANGUAGE.',
  },
  { key: 'MAX_ROUNDS', default: '20', spec: count(1, 1000), doc: 'Valve: most rounds for one task.', live: true },
  {
    key: 'MAX_FAIL_STREAK',
    default: '5',
    spec: count(1, 1000),
    doc: 'Valve: most failing rounds in a row.',
    live: true,
  },
  {
    key: 'MAX_IDLE_ROUNDS',
    default: '3',
    spec: count(1, 1000),
    doc: 'Valve: most rounds in a row with no file change.',
    live: true,
  },
  {
    key: 'TEST_TIMEOUT',
    default: '300',
    spec: count(1, 86400),
    doc: 'Seconds a test run may take before it is killed.',
  },
  {
    key: 'MAX_SAME_FAILURE',
    default: '3',
    spec: count(1, 1000),
    doc: 'Valve: most rounds in a row failing the same tests the same way.',
    live: true,
  },
  {
    key: 'MAX_COST_USD',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc: 'Cap on the money the whole run may spend, in US dollars; empty: none.',
    live: true,
  },
  {
    key: 'MAX_MINUTES',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc: 'Cap on the minutes the whole run may take; empty: none.',
    live: true,
  },
  {
    key: 'ARCHITECT_MODEL',
    default: '',
    spec: { kind: 'text' },
    doc: 'Local model of the architect (plan); empty: WORKER_MODEL.',
  },
  {
    key: 'REVIEWER_MODEL',
    default: '',
    spec: { kind: 'text' },
    doc: 'Local model of the reviewer (tests); empty: WORKER_MODEL.',
  },
  { key: 'CODER_MODEL', default: '', spec: { kind: 'text' }, doc: 'Local model of the coder; empty: WORKER_MODEL.' },
  {
    key: 'OLLAMA_HOST',
    default: 'http://127.0.0.1:11434',
    spec: { kind: 'url' },
    doc: 'Address of the Ollama server.',
  },
  {
    key: 'PLAN',
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
    default:
      'factory_config.md,RFP/**,README*,LICENSE*,*.md,.gitignore,.factory-script.json,' +
      'conftest.py,**/__init__.py,pytest.ini,pyproject.toml,setup.py,setup.cfg,requirements*.txt,' +
      'package.json,package-lock.json,tsconfig.json,go.mod,go.sum,Cargo.toml,Cargo.lock,features/**',
    spec: { kind: 'text' },
    doc:
      'With LEGO_MODE: comma-separated globs (project-relative paths) of files allowed outside contracts/ tests/ ' +
      'actions/ entry/ and over 100 lines.',
  },
  {
    key: 'OLLAMA_NUM_CTX',
    default: '32768',
    spec: count(512, 1_048_576),
    doc:
      "Context window (num_ctx, tokens) asked of Ollama models, capped by what each model supports: Ollama's own " +
      'small default cuts long prompts silently.',
  },
  {
    key: 'OLLAMA_PULL',
    default: 'true',
    spec: { kind: 'bool' },
    doc:
      "With the ollama engine: pull a role's model the server lacks (with progress); false: stop with an error " +
      'naming it.',
  },
  {
    key: 'VRAM_BUDGET_GB',
    default: '',
    spec: { kind: 'number', min: 0, optional: true },
    doc:
      'Memory for local models, in GB: a set of Ollama models that cannot be loaded together within it is refused ' +
      'before the run; empty: no check.',
  },
  {
    key: 'OPENAI_BASE_URL',
    default: 'http://127.0.0.1:1234/v1',
    spec: { kind: 'url' },
    doc:
      'With the openai engine: base URL of the OpenAI-compatible server (LM Studio, vLLM, llama.cpp server, ' +
      'Ollama /v1), up to /v1.',
  },
  {
    key: 'OPENAI_API_KEY_ENV',
    default: 'OPENAI_API_KEY',
    spec: { kind: 'text' },
    doc:
      'With the openai engine: the environment variable holding the API key (the key itself never goes in this ' +
      'file); unset: no key sent.',
  },
  {
    key: 'SCRIPT',
    default: '.factory-script.json',
    spec: { kind: 'text' },
    doc: 'With AI_ENGINE=scripted: the JSON script to replay (see README).',
  },
  {
    key: 'AGENT_TIMEOUT',
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
