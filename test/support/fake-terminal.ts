// A terminal for Ink in tests: a stdout of a given size that can be resized and keeps the last frame, and a stdin that takes key presses.
import { EventEmitter } from 'node:events';

export class TestStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string => this.frames.at(-1) ?? '';
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class TestStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const keys = {
  tab: '\t',
  shiftTab: '\u001b[Z',
  escape: '\u001b',
  enter: '\r',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  up: '\u001b[A',
  ctrlC: '\u0003',
};
