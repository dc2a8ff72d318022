// The supervisor's verdict on a round (or the human's, given by a key).
type Decision = 'CONTINUE' | 'REDIRECT' | 'INTERVENE' | 'ESCALATE';
export type Verdict = { decision: Decision; reason: string; instructions: string };
