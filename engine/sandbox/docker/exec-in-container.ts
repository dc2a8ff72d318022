// One command in the running container: demultiplexed output streamed and capped, exit code, a timeout that kills
// inside.
import crypto from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type Docker from 'dockerode';
import { CappedText } from '../../util/capped-text.js';
import { outputCap, type ExecOptions, type ExecResult } from '../sandbox.js';
import { killCommand, timeoutExitCodes, wrapCommand } from './wrap-command.js';

/** After `timeout`'s own TERM and KILL (5 s): the host kills the group itself, then stops waiting for the output. */
const backstopMs = 8000;
const giveUpMs = 5000;

export async function execInContainer(
  container: Docker.Container,
  command: string,
  options: ExecOptions,
): Promise<ExecResult> {
  const started = Date.now();
  const output = new CappedText(outputCap);
  const pidFile = `/tmp/.factory-exec-${crypto.randomBytes(6).toString('hex')}.pid`;
  const exec = await container.exec({
    Cmd: wrapCommand(command, options.timeoutMs, pidFile),
    AttachStdout: true,
    AttachStderr: true,
    WorkingDir: '/app',
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const sink = (): Writable => {
    const decoder = new StringDecoder('utf8');
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        const text = decoder.write(chunk);
        if (text) {
          output.append(text);
          options.onOutput?.(text);
        }
        done();
      },
    });
  };
  container.modem.demuxStream(stream, sink(), sink());

  const kill = (): void => void killGroup(container, pidFile);
  let gaveUp = false;
  const ended = new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
  const backstop = setTimeout(() => {
    kill();
    setTimeout(() => {
      gaveUp = true;
      stream.destroy();
    }, giveUpMs).unref();
  }, options.timeoutMs + backstopMs);
  options.signal?.addEventListener('abort', kill, { once: true });
  // A signal aborted before the exec began never fires its event.
  if (options.signal?.aborted) kill();
  await ended;
  clearTimeout(backstop);
  options.signal?.removeEventListener('abort', kill);

  const exitCode = gaveUp ? null : ((await exec.inspect()).ExitCode ?? null);
  const durationMs = Date.now() - started;
  const timedOut = durationMs >= options.timeoutMs && (exitCode === null || timeoutExitCodes.has(exitCode));
  return {
    exitCode: timedOut ? null : exitCode,
    output: output.toString(),
    timedOut,
    truncated: output.truncated,
    durationMs,
  };
}

async function killGroup(container: Docker.Container, pidFile: string): Promise<void> {
  try {
    const exec = await container.exec({ Cmd: killCommand(pidFile), AttachStdout: false, AttachStderr: false });
    await exec.start({ Detach: true });
  } catch {
    // The container may already be gone (stop() raced the kill); nothing is left to kill then.
  }
}
