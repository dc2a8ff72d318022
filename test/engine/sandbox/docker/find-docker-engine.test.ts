// Engine discovery: DOCKER_HOST first, the usual sockets otherwise; an engine counts only when it answers the ping.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findDockerEngine,
  noEngineMessage,
  socketCandidates,
} from '../../../../engine/sandbox/docker/find-docker-engine.js';

const servers: http.Server[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A unix-socket HTTP server that answers the Engine API's GET /_ping with `status`. */
async function pingServer(status: number): Promise<string> {
  dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-sock-')));
  const socket = path.join(dirs.at(-1)!, 'docker.sock');
  const server = http.createServer((request, response) => {
    response.writeHead(request.url?.endsWith('/_ping') ? status : 404, { 'Content-Type': 'text/plain' });
    response.end(status === 200 ? 'OK' : 'down');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return socket;
}

describe('findDockerEngine', () => {
  it('uses DOCKER_HOST alone when it is set, and says it did not answer', async () => {
    const search = await findDockerEngine({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(search.engine).toBeUndefined();
    expect(search.tried).toEqual(['DOCKER_HOST=unix:///nonexistent/docker.sock']);
    expect(noEngineMessage(search)).toMatch(
      /no Docker engine answers \(tried DOCKER_HOST=unix:\/\/\/nonexistent\/docker.sock\).*set DOCKER_HOST/,
    );
  });

  it('takes an engine that answers the ping', async () => {
    const socket = await pingServer(200);
    const search = await findDockerEngine({ DOCKER_HOST: `unix://${socket}` });
    expect(search.engine?.where).toBe(`DOCKER_HOST=unix://${socket}`);
    expect(search.engine?.host).toBe(`unix://${socket}`);
  });

  it('passes over a socket whose engine does not answer', async () => {
    const socket = await pingServer(500);
    expect((await findDockerEngine({ DOCKER_HOST: `unix://${socket}` })).engine).toBeUndefined();
  });

  it('knows the sockets of Docker, Docker Desktop, colima, rootless docker and podman', () => {
    const candidates = socketCandidates({ XDG_RUNTIME_DIR: '/run/user/1000' }, '/home/me');
    expect(candidates).toEqual(
      expect.arrayContaining([
        '/var/run/docker.sock',
        '/home/me/.docker/run/docker.sock',
        '/home/me/.colima/default/docker.sock',
        '/run/user/1000/docker.sock',
        '/run/user/1000/podman/podman.sock',
        '/run/podman/podman.sock',
      ]),
    );
  });
});
