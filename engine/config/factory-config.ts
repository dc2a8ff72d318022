// The typed settings of one run: the type and the conversion both come from the key table (keys.ts).
import { configKeys, type engineNames, type KeySpec } from './keys.js';

export type EngineName = (typeof engineNames)[number];

type Definition = (typeof configKeys)[number];
type OptionalDefinition = Extract<Definition, { spec: { optional: true } }>;

/** The typed value a spec gives a field. */
type ValueOf<S extends KeySpec> = S extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : S extends { kind: 'int' } | { kind: 'number' }
    ? number
    : S extends { kind: 'bool' }
      ? boolean
      : S extends { kind: 'list' }
        ? string[]
        : string;

type Flatten<T> = { [K in keyof T]: T[K] };

export type FactoryConfig = Flatten<
  { [D in Exclude<Definition, OptionalDefinition> as D['field']]: ValueOf<D['spec']> } & {
    [D in OptionalDefinition as D['field']]?: number;
  } & {
    /** Every resolved KEY=value, for reports and for changing one setting mid-run. */
    settings: Readonly<Record<string, string>>;
  }
>;

/** One checked value (already canonical: see validate-value.ts) in its typed form. */
function typed(spec: KeySpec, value: string): unknown {
  switch (spec.kind) {
    case 'int':
      return Number(value);
    case 'number':
      return value === '' ? undefined : Number(value);
    case 'bool':
      return value === 'true';
    case 'list':
      return value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'enum':
    case 'text':
    case 'url':
      return value;
  }
}

/** Turns checked values (every key present) into the typed config. */
export function toFactoryConfig(values: Record<string, string>): FactoryConfig {
  const config: Record<string, unknown> = { settings: { ...values } };
  for (const definition of configKeys) config[definition.field] = typed(definition.spec, values[definition.key] ?? '');
  // The table gives every field its type (FactoryConfig above); the loop fills them from the same table.
  return config as FactoryConfig;
}
