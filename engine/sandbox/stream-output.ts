// A command's output as it arrives: decoded (one UTF-8 decoder for the stream) and passed on live up to a limit;
// past it only the last bytes are kept and decoded once at the end, so 400 MB of output costs no 400 MB of decoding.
import { StringDecoder } from 'node:string_decoder';
import { CappedText } from '../util/capped-text.js';
import { TailChunks } from '../util/tail-chunks.js';

/**
 * Characters passed on live per command; the event log and the round's output file keep no more than this.
 * @internal the tests size their input by it.
 */
export const liveCap = 16 * 1024 * 1024;

export class StreamOutput {
  private readonly text: CappedText;
  private readonly decoder = new StringDecoder('utf8');
  private live = 0;
  /** Past the live limit: the newest bytes, and how many older ones went. */
  private readonly tail: TailChunks<Buffer>;
  private notes: string[] = [];

  constructor(
    keep: number,
    private readonly onOutput?: (text: string) => void,
  ) {
    this.text = new CappedText(keep);
    this.tail = new TailChunks(keep);
  }

  write(bytes: Uint8Array): void {
    if (this.live < liveCap) {
      const text = this.decoder.write(bytes);
      this.live += text.length;
      if (text) this.say(text);
      if (this.live >= liveCap)
        this.onOutput?.(
          `\n[… over ${liveCap} characters of output: the rest is not shown as it comes, only its end …]\n`,
        );
      return;
    }
    this.tail.push(Buffer.from(bytes));
  }

  /** A line factory adds (about the command, not from it): passed on at once, kept after the output. */
  note(text: string): void {
    this.notes.push(text);
    this.onOutput?.(text);
  }

  private say(text: string): void {
    this.text.append(text);
    this.onOutput?.(text);
  }

  /** Flushes what is left; the kept text, capped to its tail and marked where cut. */
  end(): { output: string; truncated: boolean } {
    if (this.tail.length === 0 && this.tail.dropped === 0) {
      const rest = this.decoder.end();
      if (rest) this.say(rest);
    } else {
      // The bytes between the live part and the tail were never decoded: the kept text restarts at the tail.
      this.text.skipBytes(this.tail.dropped);
      const decoder = new StringDecoder('utf8');
      this.say(decoder.write(Buffer.concat(this.tail.take())) + decoder.end());
    }
    for (const note of this.notes) this.text.append(note);
    return { output: this.text.toString(), truncated: this.text.truncated };
  }
}
