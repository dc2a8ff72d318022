// Finds the known name closest to a misspelt one, for "did you mean" hints.
import { keyNames } from './keys.js';

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  // One row of the table at a time: `left`, `diagonal` and `up` are its three neighbours of the cell being filled.
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let distance = b.length;
  for (const [i, charA] of a.split('').entries()) {
    let diagonal = i;
    let left = i + 1;
    const current = [left];
    for (const [j, up] of previous.slice(1).entries()) {
      left = Math.min(up + 1, left + 1, diagonal + (charA === b[j] ? 0 : 1));
      diagonal = up;
      current.push(left);
    }
    previous = current;
    distance = left;
  }
  return distance;
}

/** For a key not in upper case: the setting it names or nearly names once upper-cased, if any. */
export function caseHint(key: string): string | undefined {
  const upper = key.toUpperCase();
  return keyNames.includes(upper) ? upper : suggest(upper, keyNames);
}
