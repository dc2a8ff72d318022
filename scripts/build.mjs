// Bundles the CLI into dist/ with esbuild: one file loads faster than hundreds of modules; commands are split into lazy chunks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// What the dashboard loads before its first frame is bundled: hundreds of small modules (zod alone is 95 files,
// most of them locales, tree-shaken away here) would otherwise be resolved and read one by one. Every other
// dependency stays in node_modules.
const bundled = ['ink', 'ink-spinner', 'react', 'zod', 'commander'];
const bundleFirstFrame = {
  name: 'bundle-first-frame',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./#]/ }, (args) => {
      const inBundle = bundled.some((name) => args.path === name || args.path.startsWith(`${name}/`));
      return inBundle || args.importer.includes('/node_modules/') ? undefined : { path: args.path, external: true };
    });
  },
};

// Yoga (Ink's layout) ships its WebAssembly as a base64 data: URL and, wherever fetch exists, reads it with fetch:
// in Node that loads undici and its web streams before the first frame. Its own synchronous decoding is kept instead,
// with Node's native base64 decoder in place of its atob and a loop copying 72 KB one character at a time (4 ms of the
// first frame against 0.1 ms; the bytes are the same).
const yogaPatches = [
  ['w||"function"!=typeof fetch?', 'true?', 'its wasm is read with fetch again'],
  [
    'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
    'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
    'its wasm is decoded by its own base64 loop again',
  ],
];
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(esbuild) {
    esbuild.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      let contents = fs.readFileSync(args.path, 'utf8');
      const warnings = [];
      for (const [from, to, otherwise] of yogaPatches) {
        if (contents.includes(from)) contents = contents.replace(from, to);
        else warnings.push({ text: `yoga-layout changed: ${otherwise}` });
      }
      return { contents, warnings };
    });
  },
};

// commander's imports of Node's own modules, required instead (or the global process): an ES import of node:util
// evaluates every lazy export of it (parseArgs, the streams, worker_threads), and child_process loads net and dgram, though commander spawns only
// for executable subcommands (factory has none). Those were most of what `factory --help` cost over `--version`.
const commanderBuiltins = {
  'node:child_process': "export default { spawn: (...args) => load('node:child_process').spawn(...args) };",
  'node:util': "export const { stripVTControlCharacters } = load('node:util');",
  'node:process': 'export default process;',
};
const commanderRequires = {
  name: 'commander-requires',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:(child_process|util|process)$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'commander-requires' }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'commander-requires' }, (args) => ({
      contents: `import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\n${commanderBuiltins[args.path]}\n`,
      loader: 'js',
    }));
  },
};

const options = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  plugins: [commanderRequires, bundleFirstFrame, yogaWithoutFetch],
  // Ink loads it only under DEV=true, and it is not installed.
  external: ['react-devtools-core'],
  // React's production builds only: with NODE_ENV decided at build time the development builds (most of the
  // dashboard chunk) are left out rather than parsed on every start.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Less to read and parse before the first frame; names are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS (React) calls require(); ES modules have none of their own.
  banner: {
    js: "import { createRequire as __factoryRequire } from 'node:module'; const require = __factoryRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
};
const result = await build({ ...options, entryPoints: { cli: 'source/cli.ts' }, outdir: 'dist', metafile: true });

// Chunk names carry a hash: drop those an earlier build left, so the package ships only what this one loads.
// (Removed after building, not before, so a test running the previous bundle never finds dist/ empty.)
const made = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
for (const name of fs.readdirSync('dist')) {
  if (!made.has(path.resolve('dist', name))) fs.rmSync(path.join('dist', name), { force: true });
}

// `factory --help` (and -h) printed from text stored at build time, so bin/factory.js answers it without loading
// commander and the program's commands (most of that command's start-up). Commander wraps the help to the terminal's
// width (80 columns off a terminal): stored is the help at every width up to its longest line (any wider terminal
// shows it unwrapped), as runs of widths that show the same text, read from the program itself (source/program.ts,
// bundled on its own into a temp folder). test/bin/stored-help.test.ts compares the bin's output with commander's.
const helpBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-help-'));
try {
  await build({ ...options, entryPoints: { program: 'source/program.ts' }, outdir: helpBuild, sourcemap: false });
  const { program } = await import(pathToFileURL(path.join(helpBuild, 'program.js')).href);
  const helpAt = (width) => {
    program.configureOutput({ getOutHelpWidth: () => width, getOutHasColors: () => false });
    return program.helpInformation();
  };
  const unwrapped = helpAt(Number.MAX_SAFE_INTEGER);
  const unwrappedFrom = Math.max(...unwrapped.split('\n').map((line) => line.length));
  const byWidth = [];
  for (let width = 1; width < unwrappedFrom; width++) {
    const text = helpAt(width);
    const last = byWidth.at(-1);
    if (last?.text === text) last.to = width;
    else byWidth.push({ from: width, to: width, text });
  }
  fs.writeFileSync('dist/help.json', `${JSON.stringify({ byWidth, unwrapped, unwrappedFrom })}\n`);
} finally {
  fs.rmSync(helpBuild, { recursive: true, force: true });
}
