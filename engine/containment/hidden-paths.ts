// What no agent needs to read from the user's home, hidden inside the OS sandbox: credentials (ssh and gpg keys, cloud
// and registry tokens), shell and REPL histories, and other projects. A scripted Read of ~/.ssh/id_rsa gave a
// CLI's model the key before.
//
// "Other projects" are the home's own folders and files whose names do not start with a dot (~/code, ~/work,
// ~/Documents, ~/Downloads…): that is where people keep their work, while the dot folders hold the tools' installs and
// settings (~/.nvm, ~/.cargo, ~/.config), which the CLIs and the tests they run need. bin, go, snap, Applications and
// Library stay too (tools and their module caches), except Library/Keychains.
//
// What must stay visible wins both ways: a kept path (the project, a CLI's folder, a folder on PATH) under a hidden
// one is shown again, and a hidden path under a kept one is not hidden (a project that is the home keeps its files).
import fs from 'node:fs';
import path from 'node:path';

const secrets = [
  '.ssh',
  '.gnupg',
  '.password-store',
  '.local/share/keyrings',
  'Library/Keychains',
  '.aws',
  '.azure',
  '.config/gcloud',
  '.config/gh',
  '.config/hub',
  '.kube',
  '.docker/config.json',
  '.netrc',
  '.git-credentials',
  '.config/git/credentials',
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.gem/credentials',
  '.terraform.d/credentials.tfrc.json',
  '.vault-token',
];

const histories = [
  '.bash_history',
  '.zsh_history',
  '.zhistory',
  '.histfile',
  '.sh_history',
  '.history',
  '.local/share/fish/fish_history',
  '.python_history',
  '.node_repl_history',
  '.psql_history',
  '.mysql_history',
  '.sqlite_history',
  '.rediscli_history',
  '.irb_history',
  '.lesshst',
  '.viminfo',
];

/** Home folders without a dot that hold tools rather than work. */
const toolFolders = new Set(['bin', 'go', 'snap', 'Applications', 'Library']);

type HiddenPath = { path: string; folder: boolean };

/**
 * The existing paths to hide (real paths, none under another or under a kept path), and the kept paths under them.
 * @internal tested by itself, on a made-up home.
 */
export function hiddenPaths(home: string, keep: readonly string[]): { hidden: HiddenPath[]; shownAgain: string[] } {
  const root = realPath(home);
  if (!root || root === '/') return { hidden: [], shownAgain: [] };
  const kept = keep.flatMap((item) => realPath(item) ?? []);
  const others = fs.readdirSync(root).filter((name) => !name.startsWith('.') && !toolFolders.has(name));
  const found = new Map<string, HiddenPath>();
  for (const name of [...secrets, ...histories, ...others]) {
    const real = realPath(path.join(root, name));
    if (!real || real === root || kept.some((item) => within(real, item))) continue;
    found.set(real, { path: real, folder: fs.statSync(real).isDirectory() });
  }
  const hidden = [...found.values()].filter(
    (item) => ![...found.keys()].some((other) => other !== item.path && within(item.path, other)),
  );
  const shownAgain = [...new Set(kept)].filter((item) => hidden.some((hide) => within(item, hide.path)));
  return { hidden, shownAgain };
}

/** bubblewrap: an empty tmpfs over each folder, /dev/null over each file, the kept paths under them bound back. */
export function bwrapHideArgs(home: string, keep: readonly string[]): string[] {
  const { hidden, shownAgain } = hiddenPaths(home, keep);
  return [
    ...hidden.flatMap((item) => (item.folder ? ['--tmpfs', item.path] : ['--ro-bind', '/dev/null', item.path])),
    ...shownAgain.flatMap((item) => ['--ro-bind', item, item]),
  ];
}

/** Seatbelt: reading denied under each hidden path, allowed again under the kept paths inside them (later rules win). */
export function seatbeltHideRules(home: string, keep: readonly string[]): string[] {
  const { hidden, shownAgain } = hiddenPaths(home, keep);
  if (hidden.length === 0) return [];
  return [
    '(deny file-read*',
    ...hidden.map((item) => `  (${item.folder ? 'subpath' : 'literal'} ${sbplQuote(item.path)})`),
    ')',
    ...(shownAgain.length > 0
      ? ['(allow file-read*', ...shownAgain.map((item) => `  (subpath ${sbplQuote(item)})`), ')']
      : []),
  ];
}

/** SBPL strings are double-quoted with backslash escapes. */
export function sbplQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function within(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A binary and the folders on PATH stay visible even in a hidden home folder (~/tools/bin): the CLI and the
 * commands its shell runs, the test runner. A PATH entry holding the whole home (~) would keep all of it, so it does not count.
 */
export function visibleTools(binary: string, searchPath: string, home: string): string[] {
  const holdsHome = (folder: string): boolean => !path.relative(folder, home).startsWith('..');
  const folders = searchPath.split(path.delimiter).filter((folder) => path.isAbsolute(folder) && !holdsHome(folder));
  return path.isAbsolute(binary) ? [binary, ...folders] : folders;
}
