// Before Ink loads: a dashboard on a real terminal is interactive even where CI is set (Ink would otherwise draw only its last frame).
export function interactiveTerminal(): void {
  if (!process.stdout.isTTY) return;
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
