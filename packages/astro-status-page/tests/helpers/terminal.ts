import { spawn, type ChildProcess } from 'node:child_process';
import xterm from '@xterm/headless';

/*
 * A person at a terminal: the command runs in a real pseudo-terminal
 * (util-linux `script`), its output is drawn by a headless xterm, and the
 * test reads the screen as a person would and types keys.
 */

export const KEYS = { enter: '\r', space: ' ', down: '\u001b[B', up: '\u001b[A', right: '\u001b[C' } as const;

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

export interface TerminalOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  columns?: number;
  rows?: number;
}

export class TerminalSession {
  private readonly child: ChildProcess;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private pending = 0;
  /** Exit code of the command once it ends. */
  readonly exited: Promise<number | null>;

  constructor(argv: readonly string[], { cwd, env, columns = 100, rows = 50 }: TerminalOptions) {
    this.term = new xterm.Terminal({ cols: columns, rows, scrollback: 1000, allowProposedApi: true });
    // `stty` gives the terminal its size, as a real terminal window would.
    const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { ...env, TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (data: Buffer) => {
      this.pending++;
      this.term.write(data, () => this.pending--);
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything drawn so far, scrollback included, as lines of text without trailing spaces. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < buffer.length; row++) lines.push(buffer.getLine(row)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** Wait until the screen shows `text` (and the terminal has drawn everything received). */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const shown = () => (typeof text === 'string' ? this.screen().includes(text) : text.test(this.screen()));
    while (this.pending > 0 || !shown()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Type keys, as a person would, after `waitFor` says the prompt is there. */
  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** Wait for the command to end; then the screen is final. A command still waiting for input is stopped and fails the test. */
  async finish(timeoutMs = 15_000): Promise<number | null> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.child.kill();
    }, timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    await this.waitFor('');
    if (timedOut)
      throw new Error(`the command did not end within ${timeoutMs} ms; the screen shows:\n${this.screen()}`);
    this.term.dispose();
    return code;
  }
}
