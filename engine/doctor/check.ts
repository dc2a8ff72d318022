// One line of `factory doctor`: what was checked, how it stands, and what to do about it.
type CheckStatus = 'ok' | 'warn' | 'fail';

export type CheckResult = {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What the user can do when it is not ok. */
  fix?: string;
};

export const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
export const warn = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'warn', detail, fix });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'fail', detail, fix });
