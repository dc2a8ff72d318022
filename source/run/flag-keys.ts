// The run flags that set one factory_config.md key each, read from the key table (engine/config/keys.ts): a key
// with a `flag` there is a flag of `factory run`, `tui`, `tmux`, `doctor` and `bench suite`, with no second list.
import { configKeys, type KeyDefinition } from '../../engine/config/keys.js';
import { textBefore } from '../../engine/util/text-before.js';

type Definition = (typeof configKeys)[number];
type FlagDefinition = Extract<Definition, { flag: string }>;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
/** The options field commander gives a flag: "--test-cmd <command>" -> "testCmd". */
type Attribute<F extends string> = F extends `--${infer Name} <${string}>` ? CamelCase<Name> : never;

/** Each flag's raw value, as given (checked later, exactly like a factory_config.md line). */
export type FlagValues = { [D in FlagDefinition as Attribute<D['flag']>]?: string };

export const flagKeys: readonly (KeyDefinition & { flag: string })[] = configKeys.filter(
  (definition): definition is FlagDefinition => 'flag' in definition,
);

export function flagAttribute(flag: string): string {
  const name = /^--([\w-]+)/.exec(flag)?.[1] ?? flag;
  return name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** "AI_ENGINE: claude, gemini, ollama, openai or scripted", "MAX_ROUNDS: valve: most rounds for one task (1 to 1000)". */
export function flagHelp(definition: KeyDefinition): string {
  const { spec } = definition;
  if (spec.kind === 'enum')
    return `${definition.key}: ${spec.values.slice(0, -1).join(', ')} or ${spec.values.at(-1) ?? ''}`;
  const about = textBefore(definition.doc, ';').replace(/\.$/, '');
  const range = spec.kind === 'int' ? ` (${spec.min} to ${spec.max})` : '';
  return `${definition.key}: ${about.charAt(0).toLowerCase()}${about.slice(1)}${range}`;
}
