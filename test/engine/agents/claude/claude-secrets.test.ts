// The real `claude` CLI in its OS sandbox, with a home holding a decoy ssh key, a shell history and another project:
// a scripted Read of ~/.ssh/id_rsa and a shell that cats them get none of it back in the tool results the model
// receives, and the CLI still answers and writes in the project.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claudeEngine } from '../../../../engine/agents/claude/claude-engine.js';
import { CliWorker } from '../../../../engine/agents/cli/cli-worker.js';
import { claudeEnv, skipWithout } from '../../../support/agent-clis.js';
import { startAnthropicServer } from '../../../support/anthropic-server.js';
import { asOnAUsersMachine } from '../../../support/containment.js';
import { calcProject } from '../../../support/calc-project.js';
import { rightAdd } from '../../../support/project.js';
import { runWorkerOnce } from '../../../support/worker-run.js';

const cli = skipWithout('claude');
beforeAll(asOnAUsersMachine);

const key = 'DECOY-PRIVATE-KEY-7f3a';
const history = 'DECOY-HISTORY-curl-token-91c2';
const otherProject = 'DECOY-OTHER-PROJECT-44d0';

function decoyHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-decoy-home-'));
  const files = {
    '.ssh/id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${key}\n-----END OPENSSH PRIVATE KEY-----\n`,
    '.bash_history': `curl -H "token: ${history}" https://example.com\n`,
    'code/other/secret.txt': `${otherProject}\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(home, file)), { recursive: true });
    fs.writeFileSync(path.join(home, file), text);
  }
  return home;
}

describe.skipIf(cli.skip)(`claude in its OS sandbox, real CLI${cli.title}`, () => {
  it("reads none of the home's secrets or other projects, and still writes in the project", async () => {
    const home = decoyHome();
    const dir = calcProject().dir;
    const server = await startAnthropicServer([
      { tools: [{ name: 'Read', input: { file_path: path.join(home, '.ssh', 'id_rsa') } }] },
      {
        tools: [
          {
            name: 'Bash',
            input: { command: 'cat ~/.ssh/id_rsa ~/.bash_history ~/code/other/secret.txt; ls -a ~ ~/code; echo done' },
          },
        ],
      },
      { tools: [{ name: 'Write', input: { file_path: path.join(dir, 'calc.py'), content: rightAdd } }] },
      { text: 'add returns the sum.' },
    ]);
    try {
      const worker = new CliWorker(claudeEngine(), {
        env: { ...claudeEnv(server.url), HOME: home },
        timeoutMs: 120_000,
      });
      const result = await runWorkerOnce(worker, dir);
      expect(result.ok).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(rightAdd);
      expect(server.requests).toHaveLength(4);
      const received = JSON.stringify(server.requests.map((request) => request.messages));
      // The tools did run and answer: the shell's echo came back, and the decoys did not.
      expect(received).toContain('done');
      for (const decoy of [key, history, otherProject]) expect(received).not.toContain(decoy);
      // The decoys are still there, outside the sandbox.
      expect(fs.readFileSync(path.join(home, '.ssh', 'id_rsa'), 'utf8')).toContain(key);
    } finally {
      await server.close();
    }
  }, 300_000);
});
