// What a scripted architect or supervisor call tries besides answering: its writes are refused (those roles only read);
// its commands run, as a CLI agent's shell would, so factory's work-tree check has something to undo.
import { runScriptCommands } from './script-commands.js';
import type { SideEffects } from './script-schema.js';
import type { AgentActivity } from '../../contract/agent-activity.js';

export async function tryReadOnlyCall(
  call: SideEffects,
  projectDir: string,
  signal: AbortSignal,
  onActivity: (activity: AgentActivity) => void,
): Promise<void> {
  for (const file of Object.keys(call.write ?? {}))
    onActivity({
      kind: 'edit',
      path: file,
      action: 'refused',
      reason: 'this role may only read the project; the edit was not applied',
    });
  await runScriptCommands(call.run ?? [], projectDir, signal, onActivity);
}
