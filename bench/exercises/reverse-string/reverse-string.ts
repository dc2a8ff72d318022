export function reverse(text: string): string {
  throw new Error('Remove this line and implement the function')
}
