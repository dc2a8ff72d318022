// The floor a shell loop pays per round: `git add -A && git commit && git diff HEAD~1` from a shell script.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { gitIdentity } from './make-big-repo.js';

/** The shell script, written into the repository's .git folder so it is not part of the tree. */
const floorScript =
  `git ${gitIdentity.join(' ')} add -A && git ${gitIdentity.join(' ')} commit -q -m "$1" && git diff HEAD~1 > ` +
  `/dev/null\n`;

export type Floor = { round(round: number): Promise<number> };

/**
 * One floor round: the file changes first (not timed, as the worker's edit is not timed on the engine side),
 * then `sh floor.sh` is timed from spawn to exit.
 */
export function gitFloor(repoDir: string, changedFile: string): Floor {
  const script = path.join(repoDir, '.git', 'floor.sh');
  fs.writeFileSync(script, floorScript);
  return {
    round: async (round) => {
      fs.writeFileSync(path.join(repoDir, changedFile), `round ${round}\n`);
      const start = performance.now();
      await execa('sh', [script, `round ${round}`], { cwd: repoDir });
      return performance.now() - start;
    },
  };
}
