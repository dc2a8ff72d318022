// Which Docker engine a name means, resolved the way the docker CLI does: DOCKER_HOST (unix, npipe, tcp with
// DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, ssh), else DOCKER_CONTEXT, else the current context of config.json, whose
// endpoint is in contexts/meta/<sha256 of the name>/meta.json and its TLS files in contexts/tls/<same>/docker/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { UserError } from '../../util/errors.js';

/** One engine to try: `where` for the user, `host` as a DOCKER_HOST value, `remote` when not on this machine. */
export type Place = { where: string; host: string; options: Docker.DockerOptions; remote: boolean };

/** The engine the settings name, or undefined: the default context without DOCKER_HOST (the usual sockets). */
export function namedPlace(env: NodeJS.ProcessEnv, home = os.homedir()): Place | undefined {
  if (env.DOCKER_HOST) return hostPlace(env.DOCKER_HOST, `DOCKER_HOST=${env.DOCKER_HOST}`, envTls(env, home), home);
  const context = env.DOCKER_CONTEXT || currentContext(env, home);
  if (!context || context === 'default') return undefined;
  return contextPlace(context, env, home, env.DOCKER_CONTEXT ? 'DOCKER_CONTEXT' : 'the current docker context');
}

/** One item of SANDBOX_ENGINES: a DOCKER_HOST value (has "://") or a context name. */
export function placeOf(item: string, env: NodeJS.ProcessEnv, home = os.homedir()): Place | undefined {
  if (item.includes('://')) return hostPlace(item, item, undefined, home);
  if (item === 'default') return undefined;
  return contextPlace(item, env, home, 'SANDBOX_ENGINES');
}

/**
 * tcp:// and ssh:// may be anywhere (a loopback port may be a tunnel); sockets and pipes are on this machine.
 * @internal tested by itself, on made-up addresses.
 */
export function isRemoteHost(host: string): boolean {
  return /^(tcp|ssh|https?):\/\//.test(host);
}

type Tls = { ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean };

function dockerConfigDir(env: NodeJS.ProcessEnv, home: string): string {
  return env.DOCKER_CONFIG || path.join(home, '.docker');
}

function currentContext(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const file = path.join(dockerConfigDir(env, home), 'config.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { currentContext?: unknown };
    return typeof parsed.currentContext === 'string' ? parsed.currentContext : undefined;
  } catch (error) {
    throw new UserError(
      `${file} is not valid JSON (${(error as Error).message}); the docker CLI cannot read it either`,
    );
  }
}

function contextPlace(name: string, env: NodeJS.ProcessEnv, home: string, from: string): Place {
  const id = crypto.createHash('sha256').update(name).digest('hex');
  const contexts = path.join(dockerConfigDir(env, home), 'contexts');
  const metaFile = path.join(contexts, 'meta', id, 'meta.json');
  if (!fs.existsSync(metaFile))
    throw new UserError(
      `${from} names the docker context "${name}", which does not exist (no ${metaFile}); \`docker context ls\` ` +
        'lists the contexts',
    );
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as {
    Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
  };
  const endpoint = meta.Endpoints?.docker;
  if (!endpoint?.Host) throw new UserError(`docker context "${name}" has no docker endpoint (${metaFile})`);
  const tlsDir = path.join(contexts, 'tls', id, 'docker');
  const tls = fs.existsSync(tlsDir) ? readTls(tlsDir, !endpoint.SkipTLSVerify) : undefined;
  return hostPlace(endpoint.Host, `docker context ${name} (${endpoint.Host})`, tls, home);
}

/** DOCKER_TLS_VERIFY or DOCKER_TLS turn TLS on; the files come from DOCKER_CERT_PATH, else the docker config folder. */
function envTls(env: NodeJS.ProcessEnv, home: string): Tls | undefined {
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS && !env.DOCKER_CERT_PATH) return undefined;
  return readTls(env.DOCKER_CERT_PATH || dockerConfigDir(env, home), verify);
}

function readTls(dir: string, verify: boolean): Tls {
  const read = (name: string): Buffer | undefined => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  };
  return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem'), verify };
}

function hostPlace(value: string, where: string, tls: Tls | undefined, home: string): Place {
  const remote = isRemoteHost(value);
  if (value.startsWith('unix://'))
    return { where, host: value, remote, options: { socketPath: value.slice('unix://'.length) } };
  if (value.startsWith('npipe://'))
    return { where, host: value, remote, options: { socketPath: value.slice('npipe://'.length) } };
  let url: URL;
  try {
    url = new URL(value.replace(/^tcp:\/\//, 'http://'));
  } catch {
    throw new UserError(
      `${where}: not an engine address; use unix:///path/docker.sock, tcp://host:port or ssh://user@host`,
    );
  }
  if (url.protocol === 'ssh:') return { where, host: value, remote, options: sshOptions(url, home) };
  if (!tls)
    return { where, host: value, remote, options: { host: url.hostname, port: url.port || 2375, protocol: 'http' } };
  return {
    where,
    host: value,
    remote,
    options: {
      host: url.hostname,
      port: url.port || 2376,
      protocol: 'https',
      ...(tls.ca ? { ca: tls.ca } : {}),
      ...(tls.cert ? { cert: tls.cert } : {}),
      ...(tls.key ? { key: tls.key } : {}),
      // Without verification (DOCKER_TLS, a context's SkipTLSVerify) the server's name is not checked.
      ...(tls.verify ? {} : { checkServerIdentity: () => undefined }),
    },
  };
}

/** ssh://user@host[:port]: the engine reached by `docker system dial-stdio` there, with the ssh agent or a key. */
function sshOptions(url: URL, home: string): Docker.DockerOptions {
  const key = ['id_ed25519', 'id_ecdsa', 'id_rsa']
    .map((name) => path.join(home, '.ssh', name))
    .find((file) => fs.existsSync(file));
  const agent = process.env.SSH_AUTH_SOCK;
  return {
    protocol: 'ssh',
    host: url.hostname,
    port: url.port || 22,
    username: decodeURIComponent(url.username) || os.userInfo().username,
    sshOptions: agent ? { agent } : key ? { privateKey: fs.readFileSync(key) } : {},
  } as Docker.DockerOptions;
}
