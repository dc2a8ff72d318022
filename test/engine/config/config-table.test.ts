// The config is one table: FactoryConfig's type and toFactoryConfig both come from engine/config/keys.ts.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type EngineName, type FactoryConfig, toFactoryConfig } from '../../../engine/config/factory-config.js';
import { configKeys } from '../../../engine/config/keys.js';
import { checkValue } from '../../../engine/config/validate-value.js';

const defaults = (): Record<string, string> =>
  Object.fromEntries(configKeys.map((definition) => [definition.key, definition.default]));

describe('the config table', () => {
  it('derives the same FactoryConfig type as the one once written by hand (LANGUAGE now typed by its values)', () => {
    expectTypeOf<FactoryConfig>().toEqualTypeOf<{
      scope: 'All' | 'Specific';
      tasks: string[];
      language: 'python' | 'javascript' | 'typescript' | 'go' | 'rust' | 'custom';
      aiEngine: EngineName;
      workerModel: string;
      supervisor: EngineName | 'none';
      supervisorModel: string;
      mode: 'Single' | 'Dual';
      legoMode: boolean;
      testCmd: string;
      sandbox: 'docker' | 'local' | 'auto' | 'none';
      sandboxImage: string;
      sandboxSync: 'auto' | 'mount' | 'copy';
      sandboxEngines: string[];
      maxRounds: number;
      maxParallel: number;
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
      openaiParallel: number;
      script: string;
      agentTimeoutSeconds: number;
      settings: Readonly<Record<string, string>>;
      plan: 'auto' | 'true' | 'false';
      lockTests: 'auto' | 'off';
      legoExceptions: string[];
    }>();
    expectTypeOf<EngineName>().toEqualTypeOf<'claude' | 'gemini' | 'ollama' | 'openai' | 'scripted'>();
  });

  it('gives each key its own field, and a default its own check accepts as it is', () => {
    const fields = configKeys.map((definition) => definition.field);
    expect(new Set(fields).size).toBe(configKeys.length);
    for (const definition of configKeys) {
      expect(checkValue(definition.spec, definition.default), definition.key).toEqual({
        ok: true,
        value: definition.default,
      });
    }
  });

  it('turns checked strings into typed values: numbers, booleans, lists, empty optional numbers', () => {
    const config = toFactoryConfig({
      ...defaults(),
      TASKS: ' 1, 3 ,,',
      MAX_COST_USD: '2.5',
      LEGO_MODE: 'false',
      SUPERVISOR: 'gemini',
    });
    expect(config).toMatchObject({
      scope: 'All',
      tasks: ['1', '3'],
      maxRounds: 20,
      testTimeoutSeconds: 300,
      agentTimeoutSeconds: 1800,
      maxCostUsd: 2.5,
      legoMode: false,
      ollamaPull: true,
      supervisor: 'gemini',
      ollamaHost: 'http://127.0.0.1:11434',
    });
    expect(config.maxMinutes).toBeUndefined();
    expect(config.legoExceptions).toContain('RFP/**');
    expect(config.settings).toMatchObject({ TASKS: ' 1, 3 ,,', MAX_ROUNDS: '20' });
    expect(Object.keys(config).sort()).toEqual(
      [...configKeys.map((definition) => definition.field), 'settings'].sort(),
    );
  });
});
