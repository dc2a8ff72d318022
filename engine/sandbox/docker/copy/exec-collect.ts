// A short command of factory's own in the container (listing changes, removing deleted files): its whole stdout as bytes
// and its exit code; stderr is kept for the error.
import { Writable } from 'node:stream';
import type Docker from 'dockerode';

export type Collected = { stdout: Buffer; stderr: string; exitCode: number | null };

export async function execCollect(container: Docker.Container, cmd: string[]): Promise<Collected> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, WorkingDir: '/' });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (into: Buffer[]): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.push(chunk);
        done();
      },
    });
  container.modem.demuxStream(stream, sink(out), sink(err));
  await new Promise((resolve) => stream.once('end', resolve).once('close', resolve).once('error', resolve));
  const exitCode = (await exec.inspect()).ExitCode ?? null;
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), exitCode };
}
