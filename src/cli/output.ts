import { styleText } from 'node:util';

/** Terminal output: colour only on a terminal that wants it. */
export class Out {
  readonly colour: boolean;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stdout,
    colour?: boolean,
  ) {
    this.colour = colour ?? (stream.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb');
  }

  line(text = ''): void {
    this.stream.write(text + '\n');
  }

  style(format: Parameters<typeof styleText>[0], text: string): string {
    return this.colour ? styleText(format, text) : text;
  }
}
