// Fits the status bar's parts into a width: parts have priorities and
// shorter forms; the lowest shrink first, nothing is cut mid-word.
type Tone = 'accent' | 'text' | 'dim' | 'success' | 'warning' | 'barFill';

/** A run of text in one tone; `spinner` is a one-column spinner drawn in its place (its text is a stand-in). */
export type Segment = { text: string; tone?: Tone; spinner?: boolean; badge?: boolean };

/** One way to draw a part; `level` is how reluctant we are to use it (0: the full form, always tried first).
 * A form with no segments leaves the part out at that level (before higher parts are shortened further). */
export type PartForm = { level: number; segments: Segment[] };

/** forms: fullest first. An optional part may be dropped once its shortest form is too wide; a required one never is.
 * lead: what separates it from the part before (default " · "). */
export type BarPart = { id: string; forms: PartForm[]; required?: boolean; lead?: string };

/** The parts kept, each with its chosen form and the separator drawn before it (empty for the first). */
export type BarLayout = { parts: { id: string; lead: string; segments: Segment[] }[]; width: number };

const partSeparator = ' · ';

/**
 * Columns, one per code point: the bar's glyphs (●, █, ░, spinner dots) and its texts are all one column wide.
 */
const segmentsWidth = (segments: readonly Segment[]): number =>
  segments.reduce((sum, segment) => sum + (segment.spinner ? 1 : [...segment.text].length), 0);

/**
 * parts: in priority order, the most important first. Tries the full forms, then, level by level, moves parts to
 * their next form of that level, a step at a time from the lowest priority up; when every form is spent, drops
 * optional parts from the lowest up. The first part is never dropped; the result is at most `width` wide
 * unless the required parts alone are wider.
 */
export function layoutBar(parts: readonly BarPart[], width: number): BarLayout {
  const slots = parts.map((part) => ({ part, chosen: 0, shown: true }));
  const form = (slot: (typeof slots)[number]): PartForm => slot.part.forms[slot.chosen] ?? { level: 0, segments: [] };
  const kept = (): typeof slots => slots.filter((slot) => slot.shown && form(slot).segments.length > 0);
  const measure = (): number =>
    kept().reduce(
      (sum, slot, at) =>
        sum + (at > 0 ? (slot.part.lead ?? partSeparator).length : 0) + segmentsWidth(form(slot).segments),
      0,
    );
  const levels = [...new Set(parts.flatMap((part) => part.forms.map((each) => each.level)))].sort((a, b) => a - b);
  // Within a level, one step per part per pass, from the lowest up, so that no part is squeezed to its last form
  // while a higher one still has a form of that level to give.
  for (const level of levels) {
    let stepped = true;
    while (stepped && measure() > width) {
      stepped = false;
      for (const slot of [...slots].reverse()) {
        if (measure() <= width) break;
        const next = slot.part.forms[slot.chosen + 1];
        if (next && next.level <= level) {
          slot.chosen++;
          stepped = true;
        }
      }
    }
    if (measure() <= width) break;
  }
  for (const slot of slots.slice(1).reverse()) if (measure() > width && !slot.part.required) slot.shown = false;
  return {
    parts: kept().map((slot, at) => ({
      id: slot.part.id,
      lead: at > 0 ? (slot.part.lead ?? partSeparator) : '',
      segments: form(slot).segments,
    })),
    width: measure(),
  };
}
