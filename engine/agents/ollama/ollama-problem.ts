// Turns an ollama client failure into a message that names the server, the model and what to do.
import { UserError, errorMessage } from '../../util/errors.js';

export function ollamaProblem(error: unknown, host: string, model: string): Error {
  const status = (error as { status_code?: number }).status_code;
  const message = errorMessage(error);
  if (status === 404 || /not found/i.test(message))
    return new UserError(
      `model "${model}" is not on the Ollama server at ${host}: pull it (ollama pull ${model}), set ` +
        `OLLAMA_PULL=true, or pick another model (${message})`,
    );
  if (
    status === undefined &&
    /fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/i.test(
      `${message} ${errorMessage((error as { cause?: unknown }).cause ?? '')}`,
    )
  ) {
    return new UserError(
      `cannot reach the Ollama server at ${host} (OLLAMA_HOST): is \`ollama serve\` running? (${message})`,
    );
  }
  return new Error(`Ollama at ${host} failed for model "${model}": ${message}`);
}
