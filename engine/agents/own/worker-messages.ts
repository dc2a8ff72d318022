// The own agent's chat for one round: who it is, the tools it has (or that it has none) and the edit format (system),
// then the loop's prompt and the files (user).
import { editFormatInstructions } from '../../edits/edit-format.js';
import type { ToolSpec } from '../../worker-tools/tool-spec.js';
import type { WorkerRequest } from '../agent.js';
import type { ChatMessage } from './chat.js';
import { describeProjectFiles } from './project-files.js';

const role =
  "You are the coder of a test-driven loop. Make the failing tests pass by changing the project's code. Answer " +
  'briefly, then give your edit blocks.';

export async function workerMessages(request: WorkerRequest, tools: readonly ToolSpec[]): Promise<ChatMessage[]> {
  const files = await describeProjectFiles(request.projectDir, request.lockedPaths);
  return [
    { role: 'system', content: `${role}\n\n${toolsSection(tools)}\n\n${editFormatInstructions}` },
    { role: 'user', content: `${request.prompt}\n${files}\n` },
  ];
}

function toolsSection(tools: readonly ToolSpec[]): string {
  if (tools.length === 0)
    return '## Tools\nYou have no tools and cannot run commands: factory runs the tests after your answer.';
  // What each tool does is in the request's tools and the prompt's "Your tools"; here, how calls and edit blocks mix.
  const names = tools.map((tool) => tool.name).join(' and ');
  return [
    '## Tools',
    `You can call factory's tools ${names} through tool calls, not in your text.`,
    'The edit blocks of an answer are written before its tool calls run: write a change, call run_tests, read the ' +
      'result, and fix it in the same round.',
    'When you are done, answer with no tool call.',
  ].join('\n');
}
