// What the status bar says, as parts in priority order, each with its shorter forms (status-bar-layout fits them).
import type { RunStatus } from '../engine/reports/run-status.js';
import { sharingText, type ModelView } from './dashboard-models.js';
import { formatCount, formatGb } from './format.js';
import type { BarPart, PartForm, Segment } from './status-bar-layout.js';
import { linesParts } from './status-bar-lines.js';

const form = (level: number, ...segments: Segment[]): PartForm => ({ level, segments });
const plain = (text: string): Segment => ({ text, tone: 'text' });

/** Badge; task and round; production lines (when tasks run side by side); streaks; elapsed; tokens and cost; local models with VRAM; sandbox. */
export function statusBarParts(status: RunStatus, models: readonly ModelView[], elapsed: string): BarPart[] {
  const task = `${status.task || '-'}/${status.tasksTotal || '-'}`;
  const round = `${status.round}/${status.maxRounds || '-'}`;
  const cost = `$${status.costUsd.toFixed(2)}`;
  const shown = models.filter((model) => model.state !== 'unloaded');
  // In priority order, the most important first: a new part takes its place in this list.
  const parts: (BarPart | undefined)[] = [
    { id: 'badge', required: true, forms: [form(0, { text: ` ${status.state.toUpperCase()} `, badge: true })] },
    {
      id: 'task',
      lead: ' ',
      forms: [
        form(0, plain(`task ${task} (${status.tasksGreen} green) · round ${round}`)),
        form(2, plain(`task ${task} · round ${round}`)),
        form(3, plain(`t${task} r${round}`)),
      ],
    },
    ...linesParts(status.lines),
    {
      id: 'streaks',
      forms: [
        form(0, plain(`fail ${status.failStreak} · idle ${status.idleStreak}`)),
        form(3, plain(`f${status.failStreak} i${status.idleStreak}`)),
      ],
    },
    { id: 'elapsed', forms: [form(0, plain(elapsed))] },
    {
      id: 'cost',
      forms: [form(0, plain(`${formatCount(status.tokens)} tok ${cost}`)), form(1, plain(cost))],
    },
    shown.length > 0 ? { id: 'models', forms: modelForms(shown) } : undefined,
    { id: 'sandbox', forms: sandboxForms(status.sandbox ?? 'sandbox -') },
  ];
  return parts.filter((part) => part !== undefined);
}

const moving = (model: ModelView): boolean => model.state === 'loading' || model.state === 'unloading';

/** A spinner while the model loads or unloads, a dot once it is loaded. */
const glyph = (model: ModelView): Segment =>
  moving(model) ? { text: '⠋', tone: 'warning', spinner: true } : { text: '●', tone: 'success' };

/**
 * Fullest: every model with its name and state, then a VRAM bar with where the total comes from; then shorter. The
 * names go at level 3, after the sandbox (lower in priority) has been left out.
 */
function modelForms(models: readonly ModelView[]): PartForm[] {
  const vram = vramFigures(models);
  const each = (describe: (model: ModelView) => string, between: string): Segment[] =>
    models.flatMap((model, at) => [...(at > 0 ? [plain(between)] : []), glyph(model), plain(describe(model))]);
  // How production lines share the model (model:lines): "3 lines, 2 at once", then "3 lines/2".
  const lines = (model: ModelView): string => (model.sharing ? ` · ${sharingText(model.sharing)}` : '');
  const few = (model: ModelView): string =>
    model.sharing ? ` ${model.sharing.lines} lines/${Math.min(model.sharing.atOnce, model.sharing.lines)}` : '';
  const full = (model: ModelView): string => ` ${model.role} ${model.model} ${model.state}${lines(model)}`;
  const role = (model: ModelView): string => ` ${model.role} ${model.state}${lines(model)}`;
  const compact = (model: ModelView): string => ` ${model.role}${moving(model) ? ` ${model.state}` : ''}${few(model)}`;
  const tiny = (model: ModelView): string =>
    `${model.role}${model.state === 'loading' ? '↑' : model.state === 'unloading' ? '↓' : ''}${few(model)}`;
  if (!vram)
    return [
      form(0, ...each(full, ' · ')),
      form(3, ...each(role, ' · ')),
      form(3, ...each(role, ' ')),
      form(3, ...each(compact, ' ')),
      form(4, ...each(tiny, ' ')),
    ];
  const { used, total, source } = vram;
  const amount = total ? `${formatGb(used)}/${formatGb(total)}` : formatGb(used);
  const short = total ? `${formatGb(used).slice(0, -1)}/${formatGb(total)}` : formatGb(used);
  const bar: Segment[] = total ? vramBar(used, total) : [];
  const from = source ? ` (${source})` : '';
  return [
    form(0, ...each(full, ' · '), plain(' · VRAM '), ...bar, plain(` ${amount}${from}`)),
    form(1, ...each(full, ' · '), plain(` · VRAM ${amount}${from}`)),
    form(2, ...each(full, ' · '), plain(` · VRAM ${amount}`)),
    form(3, ...each(role, ' · '), plain(` · VRAM ${amount}`)),
    form(3, ...each(role, ' '), plain(` VRAM ${short}`)),
    form(3, ...each(compact, ' '), plain(` VRAM ${short}`)),
    form(4, ...each(tiny, ' '), plain(` VRAM ${short}`)),
  ];
}

const barWidth = 6;

function vramBar(used: number, total: number): Segment[] {
  const filled = Math.round(Math.min(1, used / total) * barWidth);
  return [
    { text: '█'.repeat(filled), tone: 'barFill' },
    { text: '░'.repeat(barWidth - filled), tone: 'dim' },
  ];
}

/**
 * Used: the VRAM of the models in memory (as /api/ps reports it); total: the newest the engine gave, with its source.
 */
function vramFigures(models: readonly ModelView[]): { used: number; total?: number; source?: string } | undefined {
  const used = models.reduce(
    (sum, model) => sum + (model.state === 'loaded' || model.state === 'unloading' ? (model.sizeVram ?? 0) : 0),
    0,
  );
  const withTotal = models.filter((model) => (model.vramTotal ?? 0) > 0);
  const newest = withTotal.reduce<ModelView | undefined>(
    (best, model) => (!best || model.ts >= best.ts ? model : best),
    undefined,
  );
  if (!newest && used === 0) return undefined;
  return { used, total: newest?.vramTotal, source: newest?.vramSource };
}

/**
 * "docker <image> (container …)" → "docker <image>" → "docker";
 * "local processes in <dir>" → "local processes" → "local";
 * left out before the models lose their names.
 */
function sandboxForms(sandbox: string): PartForm[] {
  const head = sandbox.split(' (')[0]?.split(' in ')[0] ?? sandbox;
  const word = sandbox.split(' ')[0] ?? sandbox;
  return [form(0, plain(sandbox)), form(1, plain(head)), form(2, plain(word)), form(3)];
}
