// The own agent's chat for one round: who it is and the edit format (system), then the loop's prompt and the files
// (user).
import { editFormatInstructions } from '../../edits/edit-format.js';
import type { WorkerRequest } from '../agent.js';
import type { ChatMessage } from './chat.js';
import { describeProjectFiles } from './project-files.js';

const role =
  "You are the coder of a test-driven loop. Make the failing tests pass by changing the project's code. Answer " +
  'briefly, then give your edit blocks.';

export async function workerMessages(request: WorkerRequest): Promise<ChatMessage[]> {
  const files = await describeProjectFiles(request.projectDir, request.lockedPaths);
  return [
    { role: 'system', content: `${role}\n\n${editFormatInstructions}` },
    { role: 'user', content: `${request.prompt}\n${files}\n` },
  ];
}
