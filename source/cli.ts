// The `factory` command line: parses the arguments with the program of source/program.ts.
import { program } from './program.js';

program.parseAsync().catch(async (error: unknown) => (await import('./fail.js')).fail(error));
