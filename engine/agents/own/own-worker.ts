// The factory's own agent for local models: prompt -> streamed answer -> edit
// blocks -> edits applied inside the project; with factory's tools, the model may
// call them between answers (run the tests, a command in the sandbox) and go on.
import { applyParsedEdit } from '../../edits/apply-answer.js';
import { parseEdits } from '../../edits/parse-edits.js';
import { errorMessage } from '../../util/errors.js';
import type { Worker, WorkerRequest } from '../agent.js';
import type { ChatAnswer, ChatMessage, StreamChat } from './chat.js';
import { answerToolCalls, chatTools } from './tool-turn.js';
import { workerMessages } from './worker-messages.js';
import type { CallUsage } from '../../contract/usage.js';
import type { WorkerResult } from '../../contract/round-record.js';

/** An answer longer than this is cut off: a looping model must not fill memory. */
const maxAnswerChars = 2_000_000;

/**
 * Answers in a row whose tool calls were all refused (MAX_TOOL_CALLS spent, bad input) before the tools are withdrawn.
 */
const maxRefusedTurns = 2;

export class OwnWorker implements Worker {
  /** factory's tools reach the model as the chat API's tools. */
  readonly takesTools = true;

  constructor(
    readonly name: string,
    private readonly chat: StreamChat,
    /** The model for a round: the coder's, or the round's WORKER_MODEL. */
    private readonly modelFor: (request: WorkerRequest) => string,
  ) {}

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const model = this.modelFor(request);
    const tools = request.readOnly ? undefined : request.tools;
    const specs = tools?.specs() ?? [];
    const messages = await workerMessages(request, specs);
    const cutOff = new AbortController();
    const usage: CallUsage = {};
    let length = 0;
    let refusedTurns = 0;
    let wroteBlocks = false;
    for (;;) {
      // factory refuses calls past MAX_TOOL_CALLS; a model that goes on calling is then asked for its last answer.
      const offered = tools && refusedTurns < maxRefusedTurns ? specs : [];
      let answer: ChatAnswer;
      try {
        answer = await this.chat({
          model,
          messages,
          tools: chatTools(offered),
          signal: AbortSignal.any([request.signal, cutOff.signal]),
          onText: (text) => {
            length += text.length;
            if (length > maxAnswerChars) cutOff.abort();
            else request.onActivity({ kind: 'text', text });
          },
        });
      } catch (error) {
        return this.failed(request, model, error, cutOff.signal, usage);
      }
      usage.inputTokens = add(usage.inputTokens, answer.inputTokens);
      usage.outputTokens = add(usage.outputTokens, answer.outputTokens);
      const refused: string[] = [];
      wroteBlocks = this.applyBlocks(request, answer.text, refused) || wroteBlocks;
      // Calls made with no tools offered are not run: the answer is the last one.
      if (request.readOnly || !tools || offered.length === 0 || !answer.toolCalls?.length) break;
      messages.push({ role: 'assistant', content: answer.text, toolCalls: answer.toolCalls });
      const ran = tools.history.filter((call) => !call.refused).length;
      messages.push(...(await answerToolCalls(tools, answer.toolCalls)));
      if (request.signal.aborted) return { ok: false, error: 'interrupted', ...usage };
      refusedTurns = tools.history.filter((call) => !call.refused).length > ran ? 0 : refusedTurns + 1;
      if (refused.length > 0) messages.push(note(refusals(refused)));
      if (refusedTurns === maxRefusedTurns)
        messages.push(
          note('Your tool calls were refused again: the tools are withdrawn. Give your last edit blocks now.'),
        );
    }
    if (request.readOnly || wroteBlocks) return { ok: true, ...usage };
    request.onActivity({
      kind: 'edit',
      path: '(answer)',
      action: 'refused',
      reason: 'the answer had no edit blocks; write each change as a whole-file or SEARCH/REPLACE block with its path',
    });
    return { ok: false, error: `the answer from ${model} had no edit blocks`, ...usage };
  }

  /** Applies one answer's edit blocks (refused for a planning call); true when it had any. */
  private applyBlocks(request: WorkerRequest, text: string, refused: string[]): boolean {
    const parsed = parseEdits(text);
    if (request.readOnly) {
      // A planning call: its answer is the text; an edit block in it is refused, never applied.
      for (const edit of parsed.edits)
        request.onActivity({
          kind: 'edit',
          path: edit.path,
          action: 'refused',
          reason: 'this role may only read the project; the edit was not applied',
        });
      return false;
    }
    for (const problem of parsed.problems) {
      refused.push(`${problem.path}: ${problem.reason}`);
      request.onActivity({ kind: 'edit', path: problem.path, action: 'refused', reason: problem.reason });
    }
    for (const edit of parsed.edits) {
      const applied = applyParsedEdit(request.projectDir, edit, request.lockedPaths);
      if (applied.action === 'refused') refused.push(`${applied.path}: ${applied.reason}`);
      request.onActivity(applied);
    }
    return parsed.edits.length > 0 || parsed.problems.length > 0;
  }

  private failed(
    request: WorkerRequest,
    model: string,
    error: unknown,
    cutOff: AbortSignal,
    usage: CallUsage,
  ): WorkerResult {
    if (request.signal.aborted) return { ok: false, error: 'interrupted', ...usage };
    if (!cutOff.aborted) return { ok: false, error: errorMessage(error), ...usage };
    request.onActivity({
      kind: 'edit',
      path: '(answer)',
      action: 'refused',
      reason: `the answer passed ${maxAnswerChars} characters and was cut off; no edit of it was applied`,
    });
    return { ok: false, error: `the answer from ${model} passed ${maxAnswerChars} characters`, ...usage };
  }
}

/** Edits refused while the round goes on are told at once, so the model can fix them in this round. */
function refusals(refused: string[]): string {
  const list = refused.map((line) => `- ${line}`).join('\n');
  return `factory refused some of your edit blocks (nothing of them was written):\n${list}`;
}

function note(content: string): ChatMessage {
  return { role: 'user', content };
}

/** Token counts over the round's answers; unknown while no answer has told them. */
function add(sum: number | undefined, more: number | undefined): number | undefined {
  return sum === undefined && more === undefined ? undefined : (sum ?? 0) + (more ?? 0);
}
