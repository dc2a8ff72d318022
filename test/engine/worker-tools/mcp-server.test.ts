// factory's MCP server as an agent CLI sees it: `factory mcp-server` started over stdio by the SDK's own client, its
// tools listed and called, each call run by the engine's WorkerTools on the other end of the socket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { openToolBridge } from '../../../engine/worker-tools/tool-bridge.js';
import { WorkerTools } from '../../../engine/worker-tools/worker-tools.js';
import { factoryBin } from '../../support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-mcp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('factory mcp-server', () => {
  it('lists the tools and forwards calls to the engine, which refuses what is not allowed', async () => {
    fs.writeFileSync(path.join(dir, 'check.sh'), 'echo checked; exit 3\n');
    const events: FactoryEvent[] = [];
    const tools = new WorkerTools({
      sandbox: new LocalSandbox(dir),
      projectDir: dir,
      testCommand: 'sh check.sh',
      taskTests: [],
      testTimeoutSeconds: 30,
      maxCalls: 3,
      emit: (type, payload) => events.push({ type, ts: '', task: 1, round: 1, ...payload } as FactoryEvent),
      signal: new AbortController().signal,
    });
    const bridge = await openToolBridge(tools, path.join(dir, 'tools.sock'));
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [factoryBin, 'mcp-server', '--socket', bridge.socket],
        stderr: 'pipe',
      }),
    );
    try {
      expect(client.getServerVersion()?.name).toBe('factory');
      const listed = await client.listTools();
      expect(listed.tools.map((tool) => tool.name)).toEqual(['run_tests']);
      expect(listed.tools[0]?.inputSchema).toMatchObject({ type: 'object', properties: { tests: { type: 'array' } } });

      const ran = await client.callTool({ name: 'run_tests', arguments: {} });
      expect(ran.isError).toBe(false);
      expect(ran.content).toEqual([{ type: 'text', text: expect.stringMatching(/^exit code 3;[\s\S]*checked/) }]);

      const shell = await client.callTool({ name: 'sandbox_exec', arguments: { command: 'touch pwned' } });
      expect(shell.isError).toBe(true);
      const narrowed = await client.callTool({ name: 'run_tests', arguments: { tests: ['check.sh'] } });
      expect(narrowed.content).toEqual([
        { type: 'text', text: expect.stringMatching(/^refused: .*cannot be narrowed/) },
      ]);
      expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    } finally {
      await client.close();
      await bridge.close();
    }
    expect(events.map((event) => event.type)).toEqual([
      'tool:started',
      'tool:finished',
      'tool:finished',
      'tool:finished',
    ]);
    expect(fs.existsSync(bridge.socket)).toBe(false);
  });

  it('leaves as soon as the CLI closes its stdin, though the engine still listens', async () => {
    const tools = new WorkerTools({
      sandbox: new LocalSandbox(dir),
      projectDir: dir,
      testCommand: 'true',
      taskTests: [],
      testTimeoutSeconds: 30,
      maxCalls: 3,
      emit: () => undefined,
      signal: new AbortController().signal,
    });
    const bridge = await openToolBridge(tools, path.join(dir, 'tools-2.sock'));
    try {
      const server = execa(process.execPath, [factoryBin, 'mcp-server', '--socket', bridge.socket], {
        stdin: 'pipe',
        reject: false,
      });
      server.stdin?.end();
      expect((await server).exitCode).toBe(0);
    } finally {
      await bridge.close();
    }
  });
});
