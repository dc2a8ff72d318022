// Checks one setting's value against its spec and returns it in canonical form, or says what is allowed.
import type { KeySpec } from './keys.js';

export type Checked = { ok: true; value: string } | { ok: false; allowed: string };

export function describeAllowed(spec: KeySpec): string {
  switch (spec.kind) {
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'int':
      return `a whole number from ${spec.min} to ${spec.max}`;
    case 'number':
      return 'a number of 0 or more, or empty for none';
    case 'bool':
      return 'true or false';
    case 'url':
      return 'an http:// or https:// address';
    case 'text':
    case 'list':
      return 'any text';
  }
}

export function checkValue(spec: KeySpec, raw: string): Checked {
  const value = raw.trim();
  const fail: Checked = { ok: false, allowed: describeAllowed(spec) };
  switch (spec.kind) {
    case 'enum': {
      const match = spec.values.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
      return match ? { ok: true, value: match } : fail;
    }
    case 'int': {
      const number = Number(value);
      return /^\d+$/.test(value) && number >= spec.min && number <= spec.max
        ? { ok: true, value: String(number) }
        : fail;
    }
    case 'number':
      if (value === '') return { ok: true, value };
      return /^\d+(\.\d+)?$/.test(value) && Number(value) >= spec.min
        ? { ok: true, value: String(Number(value)) }
        : fail;
    case 'bool':
      if (/^(true|yes|on|1)$/i.test(value)) return { ok: true, value: 'true' };
      if (/^(false|no|off|0)$/i.test(value)) return { ok: true, value: 'false' };
      return fail;
    case 'url':
      return /^https?:\/\/[^\s/]+/.test(value) ? { ok: true, value: value.replace(/\/+$/, '') } : fail;
    case 'text':
    case 'list':
      return { ok: true, value };
  }
}
