// The names git will not take into its index (read-cache.c verify_path, with Linux's defaults: core.protectNTFS on,
// core.protectHFS off). A model's file at such a path made `git add -A` fail ("invalid path") and the run's commit with
// it, so they are refused as .git/ is, whatever the engine.
//
// A component is refused when, case-insensitively, it is ".git" or NTFS's short name "git~1", followed only by dots and
// spaces (".git.", ".GIT ", "git~1 ."), up to its end, a "\" (NTFS's separator) or a ":" (an NTFS stream,
// ".git::$INDEX_ALLOCATION"); and a symlink may not be named ".gitmodules" or its NTFS short names.
const dotGit = /^(?:\.git|git~1)[. ]*(?:[\\:]|$)/i;
const dotGitModules = /^(?:\.gitmodules|gitmod~\d|gi7eba~\d)[. ]*(?:[\\:]|$)/i;

/** One name in a folder (no "/"): would git refuse a path through it? isLink: the entry is a symlink. */
export function gitRefusesName(name: string, isLink = false): boolean {
  const parts = name.split('\\');
  if (parts.some((part) => dotGit.test(part))) return true;
  return isLink && dotGitModules.test(parts.at(-1) ?? '');
}

/** A project-relative path ('/' separators): would git refuse it? isLink: its last component is a symlink. */
export function gitRefusesPath(relative: string, isLink = false): boolean {
  const names = relative.split('/');
  return names.some((name, at) => gitRefusesName(name, isLink && at === names.length - 1));
}
