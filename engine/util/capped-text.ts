// A text buffer that keeps only its tail, with a marker saying how much was dropped: every stream buffer goes through
// it.
import { TailChunks } from './tail-chunks.js';

export class CappedText {
  private readonly pieces: TailChunks<string>;
  /** Characters cut besides the whole pieces that went: inside a piece, or all held before bytes were skipped. */
  private cut = 0;
  /** Bytes of a stream never decoded (see `skipBytes`). */
  private skipped = 0;

  constructor(private readonly limit: number) {
    this.pieces = new TailChunks(limit);
  }

  append(chunk: string): void {
    this.pieces.push(chunk);
  }

  /** Everything held so far is cut, and `bytes` of the stream that follow it were never decoded. */
  skipBytes(bytes: number): void {
    this.cut += this.pieces.length;
    this.pieces.take();
    this.skipped += bytes;
  }

  get truncated(): boolean {
    return this.dropped > 0 || this.skipped > 0 || this.pieces.length > this.limit;
  }

  private get dropped(): number {
    return this.pieces.dropped + this.cut;
  }

  toString(): string {
    let text = this.pieces.take().join('');
    if (text.length > this.limit) {
      this.cut += text.length - this.limit;
      text = text.slice(text.length - this.limit);
    }
    // Joined once: later appends start from the kept text.
    this.pieces.push(text);
    const dropped = this.dropped;
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
