// The supervisor's prompt: the round report and the decision format it must answer in.
export function supervisorPrompt(report: string, problem?: string): string {
  const lines = [
    'You supervise an AI coding agent working in a test-driven loop. Read the report of its last round and ' +
      'decide what happens next.',
    '',
    'Answer with ONLY a JSON object, no other text:',
    '{"decision": "CONTINUE" | "REDIRECT" | "INTERVENE" | "ESCALATE", "reason": "why, in one sentence", ' +
      '"instructions": "for REDIRECT: what the agent must do next round"}',
    '',
    '- CONTINUE: the agent is making progress; let it go on.',
    '- REDIRECT: the agent is on a wrong track; your instructions go into its next prompt.',
    '- INTERVENE: you will do the next round yourself.',
    '- ESCALATE: a human must look (the requirements or tests are wrong, or the agent is stuck); the run pauses.',
  ];
  if (problem)
    lines.push('', `Your previous answer could not be used: ${problem}. Answer again with only the JSON object.`);
  lines.push('', '--- Round report ---', report);
  return lines.join('\n');
}
