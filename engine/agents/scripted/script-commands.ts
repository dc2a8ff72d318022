// A script's shell commands, run in the project folder as a CLI agent's shell tool would: they bypass the edit checks.
import { execa } from 'execa';
import type { AgentActivity } from '../../contract/agent-activity.js';

export async function runScriptCommands(
  commands: string[],
  projectDir: string,
  signal: AbortSignal,
  onActivity: (activity: AgentActivity) => void,
): Promise<void> {
  for (const command of commands) {
    onActivity({ kind: 'tool', name: 'shell', detail: command });
    const result = await execa(command, {
      cwd: projectDir,
      shell: true,
      reject: false,
      all: true,
      timeout: 60_000,
      cancelSignal: signal,
    });
    if (result.all) onActivity({ kind: 'text', text: result.all });
  }
}
