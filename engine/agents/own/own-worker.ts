// The factory's own agent for local models: prompt -> streamed answer -> edit blocks -> edits applied inside the
// project.
import { applyParsedEdit } from '../../edits/apply-answer.js';
import { parseEdits } from '../../edits/parse-edits.js';
import { errorMessage } from '../../util/errors.js';
import type { Worker, WorkerRequest, WorkerResult } from '../agent.js';
import type { ChatAnswer, StreamChat } from './chat.js';
import { workerMessages } from './worker-messages.js';

/** An answer longer than this is cut off: a looping model must not fill memory. */
const maxAnswerChars = 2_000_000;

export class OwnWorker implements Worker {
  constructor(
    readonly name: string,
    private readonly chat: StreamChat,
    /** The model for a round: the coder's, or the round's WORKER_MODEL. */
    private readonly modelFor: (request: WorkerRequest) => string,
  ) {}

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const model = this.modelFor(request);
    const cutOff = new AbortController();
    let length = 0;
    let answer: ChatAnswer;
    try {
      answer = await this.chat({
        model,
        messages: await workerMessages(request),
        signal: AbortSignal.any([request.signal, cutOff.signal]),
        onText: (text) => {
          length += text.length;
          if (length > maxAnswerChars) cutOff.abort();
          else request.onActivity({ kind: 'text', text });
        },
      });
    } catch (error) {
      if (request.signal.aborted) return { ok: false, error: 'interrupted' };
      if (!cutOff.signal.aborted) return { ok: false, error: errorMessage(error) };
      request.onActivity({
        kind: 'edit',
        path: '(answer)',
        action: 'refused',
        reason: `the answer passed ${maxAnswerChars} characters and was cut off; no edit of it was applied`,
      });
      return { ok: false, error: `the answer from ${model} passed ${maxAnswerChars} characters` };
    }
    const usage = { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
    const parsed = parseEdits(answer.text);
    if (request.readOnly) {
      // A planning call: its answer is the text; an edit block in it is refused, never applied.
      for (const edit of parsed.edits)
        request.onActivity({
          kind: 'edit',
          path: edit.path,
          action: 'refused',
          reason: 'this role may only read the project; the edit was not applied',
        });
      return { ok: true, ...usage };
    }
    for (const problem of parsed.problems)
      request.onActivity({ kind: 'edit', path: problem.path, action: 'refused', reason: problem.reason });
    for (const edit of parsed.edits) request.onActivity(applyParsedEdit(request.projectDir, edit, request.lockedPaths));
    if (parsed.edits.length > 0 || parsed.problems.length > 0) return { ok: true, ...usage };
    request.onActivity({
      kind: 'edit',
      path: '(answer)',
      action: 'refused',
      reason: 'the answer had no edit blocks; write each change as a whole-file or SEARCH/REPLACE block with its path',
    });
    return { ok: false, error: `the answer from ${model} had no edit blocks`, ...usage };
  }
}
