import { styleText } from 'node:util';

export interface TextStream {
  /** Text, or UTF-8 bytes (`--json`, written in blocks). */
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** Terminal output: colour only on a terminal that wants it. */
export class Out {
  readonly colour: boolean;
  constructor(
    readonly stream: TextStream = process.stdout,
    colour?: boolean,
  ) {
    this.colour =
      colour ??
      (stream.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb');
  }

  line(text = ''): void {
    this.stream.write(text + '\n');
  }

  style(format: Parameters<typeof styleText>[0], text: string): string {
    return this.colour ? styleText(format, text) : text;
  }
}
