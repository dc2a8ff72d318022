// A text buffer that keeps only its tail, with a marker saying how much was dropped: every stream buffer goes through it.
export class CappedText {
  private text = '';
  private dropped = 0;

  constructor(private readonly limit: number) {}

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit) {
      const cut = this.text.length - this.limit;
      this.dropped += cut;
      this.text = this.text.slice(cut);
    }
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  toString(): string {
    return this.dropped > 0 ? `[… ${this.dropped} characters cut …]\n${this.text}` : this.text;
  }
}

/** Keeps the last `limit` characters of a string, marking the cut. */
export function tail(text: string, limit: number): string {
  const buffer = new CappedText(limit);
  buffer.append(text);
  return buffer.toString();
}
