// Finds a Docker engine that answers: the one DOCKER_HOST or a docker context names (engine-address.ts), else the usual
// sockets of Docker, Docker Desktop, colima and podman.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { namedPlace, type Place, placeOf } from './engine-address.js';

/** `host` is the engine as a DOCKER_HOST value, for the docker CLI; `remote`: not on this machine (copy sync). */
export type DockerEngine = { docker: Docker; where: string; host: string; remote: boolean };
export type EngineSearch = { engine?: DockerEngine; tried: string[] };

const pingTimeoutMs = 3000;

/** `env` and `home` are parameters so the search can be pointed elsewhere (tests, doctor). */
export async function findDockerEngine(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): Promise<EngineSearch> {
  const named = namedPlace(env, home);
  const places = named
    ? [named]
    : socketCandidates(env, home)
        .filter((socket) => fs.existsSync(socket))
        .map(socketPlace);
  const tried: string[] = [];
  for (const place of places) {
    tried.push(place.where);
    if (await answers(place)) return { engine: engineAt(place), tried };
  }
  return { tried: named ? tried : socketCandidates(env, home) };
}

/** One item of SANDBOX_ENGINES (a context name or a DOCKER_HOST value), "default" being the search above. */
export async function findNamedEngine(
  item: string,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): Promise<EngineSearch> {
  const place = placeOf(item, env, home);
  if (!place) return findDockerEngine({ ...env, DOCKER_HOST: '', DOCKER_CONTEXT: 'default' }, home);
  return (await answers(place)) ? { engine: engineAt(place), tried: [place.where] } : { tried: [place.where] };
}

function engineAt(place: Place): DockerEngine {
  return { docker: new Docker(place.options), where: place.where, host: place.host, remote: place.remote };
}

/** Why no engine was found, in one line for the user. */
export function noEngineMessage(search: EngineSearch): string {
  return (
    `no Docker engine answers (tried ${search.tried.join(', ')}); start Docker (or colima / podman), or set ` +
    'DOCKER_HOST or DOCKER_CONTEXT'
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
  return { where: socketPath, host: `unix://${socketPath}`, options: { socketPath }, remote: false };
}

/** Whether the engine answers a ping within a few seconds. */
async function answers(place: Place): Promise<boolean> {
  try {
    await new Docker({ ...place.options, timeout: pingTimeoutMs }).ping();
    return true;
  } catch {
    return false;
  }
}
