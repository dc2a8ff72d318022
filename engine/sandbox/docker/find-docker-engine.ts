// Finds a Docker engine that answers: DOCKER_HOST when set, else the usual sockets of Docker, Docker Desktop, colima
// and podman.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';

/** `host` is the engine as a DOCKER_HOST value, for the docker CLI. */
export type DockerEngine = { docker: Docker; where: string; host: string };
export type EngineSearch = { engine?: DockerEngine; tried: string[] };

type Place = { where: string; host: string; options: Docker.DockerOptions };

const pingTimeoutMs = 3000;

/** `env` and `home` are parameters so the search can be pointed elsewhere (tests, doctor). */
export async function findDockerEngine(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): Promise<EngineSearch> {
  const places = env.DOCKER_HOST
    ? [fromDockerHost(env.DOCKER_HOST, env)]
    : socketCandidates(env, home)
        .filter((socket) => fs.existsSync(socket))
        .map(socketPlace);
  const tried: string[] = [];
  for (const place of places) {
    tried.push(place.where);
    const docker = new Docker({ ...place.options, timeout: pingTimeoutMs });
    if (await answers(docker))
      return { engine: { docker: new Docker(place.options), where: place.where, host: place.host }, tried };
  }
  return { tried: env.DOCKER_HOST ? tried : socketCandidates(env, home) };
}

/** Why no engine was found, in one line for the user. */
export function noEngineMessage(search: EngineSearch): string {
  return (
    `no Docker engine answers (tried ${search.tried.join(', ')}); start Docker (or colima / podman), or set ` +
    'DOCKER_HOST'
  );
}

/** @internal tested by itself, on made-up environments. */
export function socketCandidates(env: NodeJS.ProcessEnv, home: string): string[] {
  const runtimeDir = env.XDG_RUNTIME_DIR ?? (process.getuid ? `/run/user/${process.getuid()}` : undefined);
  return [
    '/var/run/docker.sock',
    path.join(home, '.docker/run/docker.sock'), // Docker Desktop on macOS
    path.join(home, '.docker/desktop/docker.sock'), // Docker Desktop on Linux
    path.join(home, '.colima/default/docker.sock'),
    path.join(home, '.colima/docker.sock'),
    // rootless docker, podman
    ...(runtimeDir ? [path.join(runtimeDir, 'docker.sock'), path.join(runtimeDir, 'podman/podman.sock')] : []),
    '/run/podman/podman.sock',
    path.join(home, '.local/share/containers/podman/machine/podman.sock'), // podman machine on macOS
    path.join(home, '.local/share/containers/podman/machine/podman-machine-default/podman.sock'),
  ];
}

function socketPlace(socketPath: string): Place {
  return { where: socketPath, host: `unix://${socketPath}`, options: { socketPath } };
}

function fromDockerHost(value: string, env: NodeJS.ProcessEnv): Place {
  const where = `DOCKER_HOST=${value}`;
  const host = value;
  if (value.startsWith('unix://')) return { where, host, options: { socketPath: value.slice('unix://'.length) } };
  if (value.startsWith('npipe://')) return { where, host, options: { socketPath: value.slice('npipe://'.length) } };
  const url = new URL(value.replace(/^tcp:\/\//, 'http://'));
  const certs = env.DOCKER_CERT_PATH;
  if (!certs) return { where, host, options: { host: url.hostname, port: url.port || 2375, protocol: 'http' } };
  const read = (name: string): Buffer => fs.readFileSync(path.join(certs, name));
  return {
    where,
    host,
    options: {
      host: url.hostname,
      port: url.port || 2376,
      protocol: 'https',
      ca: read('ca.pem'),
      cert: read('cert.pem'),
      key: read('key.pem'),
    },
  };
}

async function answers(docker: Docker): Promise<boolean> {
  try {
    await docker.ping();
    return true;
  } catch {
    return false;
  }
}
