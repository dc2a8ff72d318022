// A text buffer that keeps only its tail, with a marker saying how much was dropped: every stream buffer goes through
// it.
export class CappedText {
  /** Pieces as they came: appending never copies what is kept (a 400 MB stream is 6,000 appends of 64 KiB). */
  private pieces: string[] = [];
  private length = 0;
  private dropped = 0;
  /** Bytes of a stream never decoded (see `skipBytes`). */
  private skipped = 0;

  constructor(private readonly limit: number) {}

  append(chunk: string): void {
    this.pieces.push(chunk);
    this.length += chunk.length;
    // Whole pieces go once the rest still fills the limit; toString cuts the first one that remains.
    for (let first = this.pieces[0]; first !== undefined && this.pieces.length > 1; first = this.pieces[0]) {
      if (this.length - first.length < this.limit) break;
      this.pieces.shift();
      this.length -= first.length;
      this.dropped += first.length;
    }
  }

  /** Everything held so far is cut, and `bytes` of the stream that follow it were never decoded. */
  skipBytes(bytes: number): void {
    this.dropped += this.length;
    this.pieces = [];
    this.length = 0;
    this.skipped += bytes;
  }

  get truncated(): boolean {
    return this.dropped > 0 || this.skipped > 0 || this.length > this.limit;
  }

  toString(): string {
    let text = this.pieces.join('');
    let dropped = this.dropped;
    if (text.length > this.limit) {
      dropped += text.length - this.limit;
      text = text.slice(text.length - this.limit);
    }
    // Joined once: later appends start from the kept text.
    this.pieces = [text];
    this.length = text.length;
    this.dropped = dropped;
    if (this.skipped > 0) return `[… ${dropped} characters and ${this.skipped} bytes cut …]\n${text}`;
    return dropped > 0 ? `[… ${dropped} characters cut …]\n${text}` : text;
  }
}

/** Keeps the last `limit` characters of a string, marking the cut. */
export function tail(text: string, limit: number): string {
  const buffer = new CappedText(limit);
  buffer.append(text);
  return buffer.toString();
}
