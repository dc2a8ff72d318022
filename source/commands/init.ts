// `factory init [dir]`: writes the project's starting files and says what it did.
import path from 'node:path';
import { initProject } from '../../engine/project/init-project.js';

export async function initCommand(dir: string, options: { lego: boolean }): Promise<void> {
  const target = path.resolve(dir);
  const report = await initProject(target, options);
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(`factory project in ${target}`);
  for (const name of report.created) out(`  created ${name}`);
  for (const name of report.kept) out(`  kept    ${name} (already there)`);
  if (report.gitInitialised) out('  git init: new repository');
  out(
    '\nNext: write RFP/requirements.md and RFP/tasks.md, choose AI_ENGINE in factory_config.md, commit, then ' +
      '`factory tui` or `factory run`.',
  );
}
