// The typed settings of one run, built from the resolved KEY=value strings.
export type EngineName = 'claude' | 'gemini' | 'ollama' | 'openai' | 'scripted';

export type FactoryConfig = {
  scope: 'All' | 'Specific';
  tasks: string[];
  language: string;
  aiEngine: EngineName;
  workerModel: string;
  supervisor: EngineName | 'none';
  supervisorModel: string;
  mode: 'Single' | 'Dual';
  legoMode: boolean;
  testCmd: string;
  sandbox: 'docker' | 'local' | 'auto';
  sandboxImage: string;
  maxRounds: number;
  maxFailStreak: number;
  maxIdleRounds: number;
  testTimeoutSeconds: number;
  maxSameFailure: number;
  workerTools: 'auto' | 'off';
  maxToolCalls: number;
  maxCostUsd?: number;
  maxMinutes?: number;
  architectModel: string;
  reviewerModel: string;
  coderModel: string;
  ollamaHost: string;
  ollamaNumCtx: number;
  ollamaPull: boolean;
  vramBudgetGb?: number;
  openaiBaseUrl: string;
  openaiApiKeyEnv: string;
  script: string;
  agentTimeoutSeconds: number;
  /** Every resolved KEY=value, for reports and for changing one setting mid-run. */
  settings: Readonly<Record<string, string>>;
  plan: 'auto' | 'true' | 'false';
  lockTests: 'auto' | 'off';
  legoExceptions: string[];
};

const optionalNumber = (value: string): number | undefined => (value === '' ? undefined : Number(value));

/** Turns checked values (every key present) into the typed config. */
export function toFactoryConfig(values: Record<string, string>): FactoryConfig {
  const get = (key: string): string => values[key] ?? '';
  return {
    scope: get('SCOPE') as FactoryConfig['scope'],
    tasks: get('TASKS')
      .split(',')
      .map((task) => task.trim())
      .filter(Boolean),
    language: get('LANGUAGE'),
    aiEngine: get('AI_ENGINE') as EngineName,
    workerModel: get('WORKER_MODEL'),
    supervisor: get('SUPERVISOR') as FactoryConfig['supervisor'],
    supervisorModel: get('SUPERVISOR_MODEL'),
    mode: get('MODE') as FactoryConfig['mode'],
    legoMode: get('LEGO_MODE') === 'true',
    testCmd: get('TEST_CMD'),
    sandbox: get('SANDBOX') as FactoryConfig['sandbox'],
    sandboxImage: get('SANDBOX_IMAGE'),
    maxRounds: Number(get('MAX_ROUNDS')),
    maxFailStreak: Number(get('MAX_FAIL_STREAK')),
    maxIdleRounds: Number(get('MAX_IDLE_ROUNDS')),
    testTimeoutSeconds: Number(get('TEST_TIMEOUT')),
    maxSameFailure: Number(get('MAX_SAME_FAILURE')),
    workerTools: get('WORKER_TOOLS') as FactoryConfig['workerTools'],
    maxToolCalls: Number(get('MAX_TOOL_CALLS')),
    maxCostUsd: optionalNumber(get('MAX_COST_USD')),
    maxMinutes: optionalNumber(get('MAX_MINUTES')),
    architectModel: get('ARCHITECT_MODEL'),
    reviewerModel: get('REVIEWER_MODEL'),
    coderModel: get('CODER_MODEL'),
    ollamaHost: get('OLLAMA_HOST'),
    ollamaNumCtx: Number(get('OLLAMA_NUM_CTX')),
    ollamaPull: get('OLLAMA_PULL') === 'true',
    vramBudgetGb: optionalNumber(get('VRAM_BUDGET_GB')),
    openaiBaseUrl: get('OPENAI_BASE_URL'),
    openaiApiKeyEnv: get('OPENAI_API_KEY_ENV'),
    script: get('SCRIPT'),
    agentTimeoutSeconds: Number(get('AGENT_TIMEOUT')),
    settings: { ...values },
    plan: get('PLAN') as FactoryConfig['plan'],
    lockTests: get('LOCK_TESTS') as FactoryConfig['lockTests'],
    legoExceptions: get('LEGO_EXCEPTIONS')
      .split(',')
      .map((glob) => glob.trim())
      .filter(Boolean),
  };
}
