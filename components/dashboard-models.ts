// The local models the status bar shows: each role's model as its model:state events say it, with how production
// lines share it (model:lines). A server factory neither loads nor unloads (the openai engine) has only model:lines:
// its model is the one the server serves.
import type { FactoryEventOf } from '../engine/contract/events.js';

export type ModelSharing = Pick<FactoryEventOf<'model:lines'>, 'lines' | 'atOnce' | 'why'>;
export type ModelView = FactoryEventOf<'model:state'> & { sharing?: ModelSharing };
export type ModelViews = Record<string, ModelView>;

export function foldModels(
  models: ModelViews,
  event: FactoryEventOf<'model:state'> | FactoryEventOf<'model:lines'>,
): ModelViews {
  const key = `${event.role}:${event.model}`;
  const before = models[key];
  if (event.type === 'model:lines') {
    const { ts, task, round, model, role, lines, atOnce, why } = event;
    const base: ModelView = before ?? { ts, task, round, type: 'model:state', model, role, state: 'loaded' };
    return { ...models, [key]: { ...base, sharing: { lines, atOnce, why } } };
  }
  // An unloading model holds its memory until it is gone: its event has no sizes, so the loaded ones stay.
  const sizes =
    event.state === 'unloading' && event.sizeVram === undefined && before
      ? { sizeVram: before.sizeVram, size: before.size }
      : {};
  const sharing = event.state === 'unloaded' ? undefined : before?.sharing;
  return { ...models, [key]: { ...event, ...sizes, ...(sharing && { sharing }) } };
}

/** "3 lines, 2 at once"; "3 lines side by side" when none waits. */
export function sharingText(sharing: ModelSharing): string {
  return sharing.atOnce >= sharing.lines
    ? `${sharing.lines} lines side by side`
    : `${sharing.lines} lines, ${sharing.atOnce} at once`;
}
