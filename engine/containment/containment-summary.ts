// What keeps each engine's writes inside the project, layer by layer, and what is missing for the full containment:
// `factory doctor` lists it per engine, and a run says at its start when a layer is missing.
import type { EngineName, FactoryConfig } from '../config/factory-config.js';
import { detectOsSandbox, type NoOsSandbox, type OsSandbox } from './os-sandbox.js';

export type EngineContainment = { engine: EngineName; inForce: string[]; missing: string[]; fix?: string };

const factoryCheck =
  'factory checks the work tree after every call (.git/ put back, links out removed; locked tests put back by ' +
  'the tamper guard; architect and supervisor: the whole tree put back)';

export function engineContainment(
  engine: EngineName,
  os: OsSandbox | NoOsSandbox = detectOsSandbox(),
): EngineContainment {
  if (engine === 'ollama' || engine === 'openai') {
    return {
      engine,
      inForce: [
        'factory applies the edits itself: inside the project only, never .git/, a locked test or through a ' +
          'link out; no shell, no tools',
        factoryCheck,
      ],
      missing: [],
    };
  }
  if (engine === 'scripted') {
    return {
      engine,
      inForce: [
        "scripted writes go through factory's path checks; the script's `run` commands run on the host (test " +
          'scripts only)',
        factoryCheck,
      ],
      missing: [],
    };
  }
  const rules = engine === 'claude' ? claudeRules : geminiRules;
  const inForce = [rules, engine === 'claude' ? claudeSandbox : geminiSandbox];
  if (os.kind === 'none')
    return { engine, inForce: [...inForce, factoryCheck], missing: [`OS sandbox: ${os.reason}`], fix: os.fix };
  return {
    engine,
    inForce: [
      ...inForce,
      `OS sandbox: ${os.kind === 'bubblewrap' ? 'bubblewrap' : 'sandbox-exec (Seatbelt)'}, everything but the ` +
        'project read-only, .git/ and locked files too',
      factoryCheck,
    ],
    missing: [],
  };
}

const claudeRules =
  'permission rules: edits allowed in the project only (Edit(./**)), .git/ and locked tests denied, Bash, ' +
  'WebFetch, WebSearch denied; architect and supervisor: read tools only';
const claudeSandbox = "Claude Code's own sandbox confines Bash only, which the worker does not get";
const geminiRules =
  'policy engine: auto_edit (not --yolo) with shell, web_fetch, google_web_search and edits to .git/ and locked ' +
  'tests denied; workspace check refuses paths outside; architect and supervisor: plan (read-only) mode';
const geminiSandbox =
  "Gemini CLI's own --sandbox (a container image or Seatbelt) is not used: the OS sandbox wraps the CLI instead";

/** The engines the run uses. */
export function configuredEngines(config: FactoryConfig): EngineName[] {
  return [...new Set<EngineName>([config.aiEngine, ...(config.supervisor === 'none' ? [] : [config.supervisor])])];
}

/** One line for the run's start: the OS sandbox in use, or that there is none and what protects the run instead. */
export function containmentLine(config: FactoryConfig, os: OsSandbox | NoOsSandbox = detectOsSandbox()): string {
  const clis = configuredEngines(config).filter((engine) => engine === 'claude' || engine === 'gemini');
  if (clis.length === 0) return 'containment: factory applies or checks every edit (no agent CLI runs)';
  if (os.kind !== 'none')
    return (
      `containment: ${clis.join(' and ')} run in the OS sandbox (${os.kind}), under ` +
      `${clis.length > 1 ? 'their' : 'its'} permission rules`
    );
  return (
    `containment: NO OS SANDBOX (${os.reason}; ${os.fix}); in force: ${clis.join(' and ')} permission rules and ` +
    `factory's checks after each call`
  );
}
