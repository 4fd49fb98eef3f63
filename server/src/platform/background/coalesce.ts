/**
 * Runs one background pass at a time and folds every request that arrives during a pass into a
 * single follow-up pass. Used for work whose pass handles *everything* pending (rendering the PDFs
 * still without a fingerprint): the dispatcher may deliver fifty events at once, and fifty
 * parallel passes would each redo the same ~10 ms renders.
 */
export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Starts a pass now, or marks one to follow the pass in progress. Never throws. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .then(() => undefined)
      .catch((error: unknown) => this.onError(error as Error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no pass is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
