/**
 * Progress on long runs: a one-line bar with files per second on a terminal, a plain line
 * every few seconds elsewhere (CI logs), nothing for short runs or machine-readable output.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastPrint = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    const interval = this.stream.isTTY ? 100 : 5000;
    if (now - this.lastPrint < interval && this.done < this.total) return;
    this.lastPrint = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = (this.done / seconds).toFixed(0);
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round((this.done / this.total) * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} files, ${rate} files/s `);
    } else {
      this.stream.write(`cache-codemod: ${this.done}/${this.total} files (${rate} files/s)\n`);
    }
  }

  finish(): void {
    if (this.enabled && this.stream.isTTY) this.stream.write('\r\u001b[2K');
  }
}
