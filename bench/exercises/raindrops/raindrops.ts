export function convert(drops: number): string {
  throw new Error('Remove this line and implement the function')
}
