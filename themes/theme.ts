// The semantic colour tokens every component draws with; a palette fills them in, undefined means the terminal's
// default.
export type Theme = {
  name: string;
  text?: string;
  dim?: string;
  accent?: string;
  border?: string;
  focusBorder?: string;
  success?: string;
  failure?: string;
  warning?: string;
  tool?: string;
  edit?: string;
  diffAdd?: string;
  diffRemove?: string;
  diffHunk?: string;
  keyHint?: string;
  barFill?: string;
  /** Draw emphasis with inverse video where colour would carry it (no-colour terminals). */
  inverseEmphasis: boolean;
};
