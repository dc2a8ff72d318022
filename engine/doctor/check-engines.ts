// Doctor: each configured AI engine is installed, has a key, and its server answers.
import { execa } from 'execa';
import type { EngineName, FactoryConfig } from '../config/factory-config.js';
import { fail, ok, warn, type CheckResult } from './check.js';

export async function checkEngines(
  config: FactoryConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckResult[]> {
  const engines = new Set<EngineName>([config.aiEngine, ...(config.supervisor === 'none' ? [] : [config.supervisor])]);
  const results: CheckResult[] = [];
  for (const engine of engines) results.push(...(await checkEngine(engine, config, env)));
  return results;
}

async function checkEngine(engine: EngineName, config: FactoryConfig, env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  switch (engine) {
    case 'scripted':
      return [ok('engine scripted', `replays ${config.script} (no AI)`)];
    case 'claude':
      return [
        await binary('claude', '@anthropic-ai/claude-code'),
        key('claude', env, ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'], 'or log in once with `claude`'),
      ];
    case 'gemini':
      return [
        await binary('gemini', '@google/gemini-cli'),
        key('gemini', env, ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], 'or log in once with `gemini`'),
      ];
    case 'ollama':
      return [
        await reachable(
          'engine ollama',
          `${config.ollamaHost}/api/tags`,
          'start it with `ollama serve`, or set OLLAMA_HOST=',
        ),
      ];
    case 'openai': {
      const server = await reachable(
        'engine openai',
        `${config.openaiBaseUrl.replace(/\/$/, '')}/models`,
        'start the server (LM Studio, vLLM, llama.cpp) or set OPENAI_BASE_URL=',
      );
      const named = env[config.openaiApiKeyEnv]
        ? ok('key openai', `${config.openaiApiKeyEnv} is set`)
        : ok('key openai', `${config.openaiApiKeyEnv} is not set: no key is sent (fine for local servers)`);
      return [server, named];
    }
  }
}

async function binary(name: string, npmPackage: string): Promise<CheckResult> {
  const run = await execa(name, ['--version'], { reject: false, timeout: 20_000 });
  if (run.exitCode === 0) return ok(`engine ${name}`, `${name} ${run.stdout.trim().split('\n')[0]}`);
  return fail(`engine ${name}`, `\`${name}\` is not installed or does not start`, `npm install -g ${npmPackage}`);
}

function key(name: string, env: NodeJS.ProcessEnv, names: string[], alternative: string): CheckResult {
  const found = names.find((variable) => env[variable]);
  return found
    ? ok(`key ${name}`, `${found} is set`)
    : warn(`key ${name}`, `none of ${names.join(', ')} is set`, `export ${names[0]}=…, ${alternative}`);
}

async function reachable(name: string, url: string, fix: string): Promise<CheckResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok ? ok(name, `${url} answers`) : fail(name, `${url} answered ${response.status}`, fix);
  } catch (error) {
    return fail(name, `${url} does not answer (${(error as Error).message})`, fix);
  }
}
