// Engine names resolved as the docker CLI does: DOCKER_HOST first, then DOCKER_CONTEXT, then config.json's current
// context, whose endpoint and TLS files are found under the sha256 of its name; remote means tcp:// or ssh://.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRemoteHost, namedPlace, placeOf } from '../../../../engine/sandbox/docker/engine-address.js';

/** A home with a ~/.docker holding the given contexts (name -> endpoint) and a current one. */
function dockerHome(contexts: Record<string, string>, current?: string, tlsFor?: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-docker-home-'));
  const config = path.join(home, '.docker');
  for (const [name, host] of Object.entries(contexts)) {
    const id = crypto.createHash('sha256').update(name).digest('hex');
    fs.mkdirSync(path.join(config, 'contexts/meta', id), { recursive: true });
    fs.writeFileSync(
      path.join(config, 'contexts/meta', id, 'meta.json'),
      JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
    );
    if (name === tlsFor) {
      const tls = path.join(config, 'contexts/tls', id, 'docker');
      fs.mkdirSync(tls, { recursive: true });
      for (const file of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(tls, file), `${name} ${file}`);
    }
  }
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify(current ? { currentContext: current } : {}));
  return home;
}

describe('engine names', () => {
  const home = dockerHome(
    { box: 'ssh://me@build-box', tls: 'tcp://10.0.0.5:2376', local: 'unix:///run/x.sock' },
    'tls',
    'tls',
  );

  it('takes DOCKER_HOST before DOCKER_CONTEXT and the current context', () => {
    const place = namedPlace({ DOCKER_HOST: 'tcp://h:2375', DOCKER_CONTEXT: 'box' }, home);
    expect(place).toMatchObject({
      where: 'DOCKER_HOST=tcp://h:2375',
      remote: true,
      options: { host: 'h', port: '2375', protocol: 'http' },
    });
  });

  it('takes DOCKER_CONTEXT before the current context, and reads ssh endpoints', () => {
    const place = namedPlace({ DOCKER_CONTEXT: 'box' }, home);
    expect(place).toMatchObject({
      where: 'docker context box (ssh://me@build-box)',
      host: 'ssh://me@build-box',
      remote: true,
    });
    expect(place?.options).toMatchObject({ protocol: 'ssh', host: 'build-box', username: 'me', port: 22 });
  });

  it("uses config.json's current context with its TLS files", () => {
    const place = namedPlace({}, home);
    expect(place).toMatchObject({ where: 'docker context tls (tcp://10.0.0.5:2376)', remote: true });
    expect(place?.options).toMatchObject({ protocol: 'https', host: '10.0.0.5', port: '2376' });
    expect(String(place?.options.ca)).toBe('tls ca.pem');
    expect(String(place?.options.key)).toBe('tls key.pem');
  });

  it('falls back to the usual sockets for the default context, and says which context is missing', () => {
    expect(namedPlace({ DOCKER_CONTEXT: 'default' }, home)).toBeUndefined();
    expect(namedPlace({}, dockerHome({}))).toBeUndefined();
    expect(() => namedPlace({ DOCKER_CONTEXT: 'nope' }, home)).toThrow(
      /DOCKER_CONTEXT names the docker context "nope", which does not exist/,
    );
  });

  it('reads DOCKER_TLS_VERIFY with DOCKER_CERT_PATH', () => {
    const certs = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-certs-'));
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, file), file);
    const place = namedPlace({ DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, home);
    expect(place?.options).toMatchObject({ protocol: 'https', host: 'box' });
    expect(String(place?.options.cert)).toBe('cert.pem');
    expect(place?.options).not.toHaveProperty('checkServerIdentity');
  });

  it('reads SANDBOX_ENGINES items as contexts or DOCKER_HOST values', () => {
    expect(placeOf('box', {}, home)?.host).toBe('ssh://me@build-box');
    expect(placeOf('local', {}, home)).toMatchObject({ remote: false, options: { socketPath: '/run/x.sock' } });
    expect(placeOf('tcp://127.0.0.1:2399', {}, home)).toMatchObject({ remote: true, where: 'tcp://127.0.0.1:2399' });
    expect(placeOf('default', {}, home)).toBeUndefined();
    expect(() => placeOf('tcp://[bad', {}, home)).toThrow(/not an engine address/);
  });

  it('counts tcp:// and ssh:// as remote, sockets and pipes as local', () => {
    expect(
      ['tcp://127.0.0.1:1', 'ssh://a@b', 'unix:///var/run/docker.sock', 'npipe:////./pipe/docker_engine'].map(
        isRemoteHost,
      ),
    ).toEqual([true, true, false, false]);
  });
});
