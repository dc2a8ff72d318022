// A second Docker engine on this machine, as a stand-in for one on another: its own dockerd on a loopback TCP port,
// with its own data root, exec root and pid file, sharing the running containerd under namespaces of its own; the test
// image moved in with `docker save | docker load`. Stopped (and its folders removed) by stop().
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { findDockerEngine, type DockerEngine } from '../../engine/sandbox/docker/find-docker-engine.js';

export type SecondEngine = {
  /** tcp://127.0.0.1:PORT, as DOCKER_HOST or an item of SANDBOX_ENGINES. */
  host: string;
  engine: DockerEngine;
  /** Stops the daemon, its data kept (what "an engine that stops answering" looks like); idempotent. */
  stop(): Promise<void>;
  /** Starts it again on the same data and port (to see what a stopped engine still holds). */
  restart(): Promise<void>;
  /** Stops it and removes its folders. */
  dispose(): Promise<void>;
};

const containerdSocket = '/var/run/docker/containerd/containerd.sock';

export async function startSecondEngine(image: string): Promise<SecondEngine> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-dockerd-'));
  const host = `tcp://127.0.0.1:${await freePort()}`;
  let daemon = await startDaemon(root, host);
  try {
    await execa('sh', ['-c', 'docker save "$1" | DOCKER_HOST="$2" docker load -q', 'load', image, host]);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return {
    host,
    engine: daemon.engine,
    stop: () => daemon.stop(),
    restart: async () => {
      await daemon.stop();
      daemon = await startDaemon(root, host);
    },
    dispose: async () => {
      await daemon.stop();
      // The daemon's layers are root-owned mounts until it stops; removed after.
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

async function startDaemon(root: string, host: string): Promise<{ engine: DockerEngine; stop(): Promise<void> }> {
  const name = path.basename(root);
  const log = fs.openSync(path.join(root, 'dockerd.log'), 'a');
  const child = spawn(
    'dockerd',
    [
      '--data-root',
      path.join(root, 'data'),
      '--exec-root',
      path.join(root, 'exec'),
      '--pidfile',
      path.join(root, 'dockerd.pid'),
      '-H',
      host,
      '--bridge=none',
      '--iptables=false',
      '--containerd',
      containerdSocket,
      '--containerd-namespace',
      `${name}-ctr`,
      '--containerd-plugins-namespace',
      `${name}-plugins`,
    ],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    return { engine: await waitForEngine(host, child, root), stop };
  } catch (error) {
    await stop();
    throw new Error(
      `${(error as Error).message}\n${fs.readFileSync(path.join(root, 'dockerd.log'), 'utf8').slice(-2000)}`,
    );
  }
}

async function waitForEngine(host: string, child: ChildProcess, root: string): Promise<DockerEngine> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second dockerd exited (${child.exitCode}); log in ${root}`);
    const { engine } = await findDockerEngine({ DOCKER_HOST: host });
    if (engine) return engine;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the second dockerd did not answer on ${host} within 30 s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
