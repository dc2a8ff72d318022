// `factory init`: lays out a new project (config, RFP templates, LEGO folders, git) without overwriting anything.
import fs from 'node:fs';
import path from 'node:path';
import { configFileName } from '../config/load-config.js';
import { runGit } from '../git/run-git.js';
import { legoFolders } from '../lego/check-lego.js';
import { factoryFolder } from '../reports/factory-dir.js';
import { renderConfigTemplate } from './config-template.js';
import { rfpTemplates } from './rfp-templates.js';

export type InitReport = { created: string[]; kept: string[]; gitInitialised: boolean };

export async function initProject(dir: string, options: { lego: boolean }): Promise<InitReport> {
  fs.mkdirSync(dir, { recursive: true });
  const report: InitReport = { created: [], kept: [], gitInitialised: false };
  const write = (name: string, content: string): void => {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return void report.kept.push(name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    report.created.push(name);
  };
  write(configFileName, renderConfigTemplate({ LEGO_MODE: String(options.lego) }));
  for (const [name, content] of Object.entries(rfpTemplates)) write(name, content);
  if (options.lego) for (const folder of legoFolders) write(`${folder}/.gitkeep`, '');
  ignoreFactoryFolder(dir, report);
  const inside = await runGit(dir, ['rev-parse', '--is-inside-work-tree']).catch(() => '');
  if (inside.trim() !== 'true') {
    await runGit(dir, ['init', '-q']);
    report.gitInitialised = true;
  }
  return report;
}

function ignoreFactoryFolder(dir: string, report: InitReport): void {
  const file = path.join(dir, '.gitignore');
  const line = `${factoryFolder}/`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current.split(/\r?\n/).some((entry) => entry.trim() === line || entry.trim() === `/${line}`)) return;
  fs.writeFileSync(file, `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}${line}\n`);
  report.created.push(current === '' ? '.gitignore' : '.gitignore (added .factory/)');
}
