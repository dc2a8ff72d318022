// `factory mcp-server --socket <path>` (hidden): the MCP server named "factory"
// that an agent CLI starts for one worker call. It only forwards: the tool list
// and every call go over the socket to the engine, which runs them in the sandbox.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { connectToolClient } from '../../engine/worker-tools/tool-client.js';
import { errorMessage } from '../../engine/util/errors.js';

export async function mcpServerCommand(options: { socket: string }, version: string): Promise<void> {
  // The engine closing the socket ends the worker call: the server has nothing left to serve.
  const client = await connectToolClient(options.socket, () => process.exit(0));
  // The low-level Server, not McpServer: the tools' JSON schemas come from the engine, which checks every input itself.
  const server = new Server({ name: 'factory', version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await client.list()).map((spec) => ({
      name: spec.name,
      description: spec.description,
      inputSchema: { ...spec.inputSchema, type: 'object' as const },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    try {
      const result = await client.call(request.params.name, request.params.arguments ?? {});
      return { content: [{ type: 'text' as const, text: result.text }], isError: result.isError };
    } catch (error) {
      return { content: [{ type: 'text' as const, text: errorMessage(error) }], isError: true };
    }
  });
  await server.connect(new StdioServerTransport());
  // The CLI closing our stdin is its end: leave at once, or the link to the engine would keep this process (and the
  // CLI's output pipes it holds) open until the engine gave up on the call.
  process.stdin.once('end', () => process.exit(0));
  process.stdin.once('close', () => process.exit(0));
}
