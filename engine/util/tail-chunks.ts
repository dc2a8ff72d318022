// The newest chunks of a stream, at least `keep` long in all: older whole chunks go as new ones come, and are counted.
// One implementation for text (lengths in characters) and bytes (in bytes); the caller cuts inside the first chunk.
export class TailChunks<Chunk extends { readonly length: number }> {
  /** As they came: pushing never copies what is kept (a 400 MB stream is 6,000 pushes of 64 KiB). */
  private chunks: Chunk[] = [];
  private held = 0;
  private gone = 0;

  constructor(private readonly keep: number) {}

  push(chunk: Chunk): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    // Whole chunks go once the rest still fills `keep`.
    for (let first = this.chunks[0]; first !== undefined && this.chunks.length > 1; first = this.chunks[0]) {
      if (this.held - first.length < this.keep) break;
      this.chunks.shift();
      this.held -= first.length;
      this.gone += first.length;
    }
  }

  /** The length of the chunks held. */
  get length(): number {
    return this.held;
  }

  /** The length of the chunks that went. */
  get dropped(): number {
    return this.gone;
  }

  /** Hands over the chunks held, oldest first, and holds none (they are not counted as dropped). */
  take(): Chunk[] {
    const chunks = this.chunks;
    this.chunks = [];
    this.held = 0;
    return chunks;
  }
}
