// What the OS sandbox around one agent CLI call allows: os-sandbox.ts applies it, bwrap-args.ts and
// seatbelt-profile.ts spell it for bubblewrap and Seatbelt.
/** What one CLI call may write: the project (unless read-only) minus its protected paths, and the CLI's own folders. */
export type SandboxSpec = {
  projectDir: string;
  /** false for the read-only roles (architect, supervisor): the project is read-only too. */
  writeProject: boolean;
  /** Project-relative paths that stay read-only even when the project is writable: .git and the locked files. */
  protectedPaths: string[];
  /** Folders and files outside the project the CLI must write: its config and cache, its temp folder. */
  writable: string[];
  /** The home whose secrets and other projects are hidden (hidden-paths.ts), with what must stay visible in it. */
  hideIn?: { home: string; keep: string[] };
};
