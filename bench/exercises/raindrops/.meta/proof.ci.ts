export function convert(drops: number): string {
  const sounds = [
    [3, 'Pling'],
    [5, 'Plang'],
    [7, 'Plong'],
  ] as const
  const result = sounds.filter(([factor]) => drops % factor === 0).map(([, sound]) => sound).join('')
  return result || String(drops)
}
