// SANDBOX=local|docker|auto|none: which sandbox a run gets, and the message when Docker or the OS sandbox is not there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toFactoryConfig, type FactoryConfig } from '../../../engine/config/factory-config.js';
import { configKeys } from '../../../engine/config/keys.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { UserError } from '../../../engine/util/errors.js';
import { dockerForTests } from '../../support/docker-for-tests.js';

const config = (settings: Record<string, string>): FactoryConfig =>
  toFactoryConfig({ ...Object.fromEntries(configKeys.map((key) => [key.key, key.default])), ...settings });
const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-choice-'));
const noEngine = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
const docker = await dockerForTests();

describe('createSandbox', () => {
  afterAll(() => fs.rmSync(projectDir, { recursive: true, force: true }));

  it('gives confined local processes for SANDBOX=local without looking for Docker', async () => {
    const { sandbox, note } = await createSandbox(projectDir, config({ SANDBOX: 'local' }), { env: noEngine });
    expect(sandbox.kind).toBe('local');
    expect(sandbox.describe()).toMatch(/confined by bubblewrap/);
    expect(note).toBeUndefined();
  });

  it('falls back to confined local processes for SANDBOX=auto when no engine answers, and says so', async () => {
    const { sandbox, note } = await createSandbox(projectDir, config({ SANDBOX: 'auto' }), { env: noEngine });
    expect(sandbox.kind).toBe('local');
    expect(note).toMatch(
      /^SANDBOX=auto: no Docker engine answers [\s\S]*tests run as local processes .*confined by bubblewrap/,
    );
  });

  it('runs unconfined only with SANDBOX=none, and warns', async () => {
    const { sandbox, note } = await createSandbox(projectDir, config({ SANDBOX: 'none' }), { env: noEngine });
    expect(sandbox.describe()).toMatch(/unconfined/);
    expect(note).toMatch(/^SANDBOX=none: tests run as local processes WITHOUT ISOLATION/);
  });

  const noOsSandbox = { kind: 'none', reason: 'bubblewrap (bwrap) is not installed', fix: 'install it' } as const;
  for (const setting of ['local', 'auto'])
    it(`stops SANDBOX=${setting} where no OS sandbox can be made, naming the three ways on`, async () => {
      const choice = createSandbox(projectDir, config({ SANDBOX: setting }), { env: noEngine, osSandbox: noOsSandbox });
      await expect(choice).rejects.toThrow(UserError);
      await expect(choice).rejects.toThrow(
        new RegExp(
          `^SANDBOX=${setting}: tests cannot run confined here: bubblewrap \\(bwrap\\) is not installed\\. Either install it; or .*SANDBOX=docker.*SANDBOX=none`,
        ),
      );
    });

  it('refuses SANDBOX=docker when no engine answers, naming the setting', async () => {
    const choice = createSandbox(projectDir, config({ SANDBOX: 'docker' }), { env: noEngine });
    await expect(choice).rejects.toThrow(UserError);
    await expect(choice).rejects.toThrow(/SANDBOX=docker: no Docker engine answers.*SANDBOX=local/);
  });

  const withDocker = docker.skipReason ? ` (${docker.skipReason})` : '';

  it.skipIf(!docker.engine)(
    `picks docker for SANDBOX=auto when an engine answers and has the image${withDocker}`,
    async () => {
      const { sandbox, note } = await createSandbox(
        projectDir,
        config({ SANDBOX: 'auto', SANDBOX_IMAGE: docker.image }),
        { env: { DOCKER_HOST: docker.engine!.host } },
      );
      expect(sandbox.kind).toBe('docker');
      expect(sandbox.describe()).toMatch(new RegExp(`^docker ${docker.image} .*no network`));
      expect(note).toBeUndefined();
    },
  );

  it.skipIf(!docker.engine)(
    `falls back to local for SANDBOX=auto when the image cannot be had, and says why${withDocker}`,
    async () => {
      const { sandbox, note } = await createSandbox(
        projectDir,
        config({ SANDBOX: 'auto', SANDBOX_IMAGE: 'factory-no-such-image:0' }),
        { env: { DOCKER_HOST: docker.engine!.host } },
      );
      expect(sandbox.kind).toBe('local');
      expect(note).toMatch(
        /^SANDBOX=auto: SANDBOX_IMAGE=factory-no-such-image:0: not on the Docker engine .*could not be pulled[\s\S]*tests run as local processes/,
      );
    },
  );

  it.skipIf(!docker.engine)(`refuses SANDBOX=docker with no image for the LANGUAGE${withDocker}`, async () => {
    const custom = createSandbox(projectDir, config({ SANDBOX: 'docker', LANGUAGE: 'custom' }), {
      env: { DOCKER_HOST: docker.engine!.host },
    });
    await expect(custom).rejects.toThrow(/SANDBOX_IMAGE is empty and LANGUAGE=custom has no default image/);
  });
});
