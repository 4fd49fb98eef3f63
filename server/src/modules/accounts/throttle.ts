/**
 * Counts failed sign-ins per key (account, IP) in a sliding window and refuses more attempts
 * once a key has too many. In memory, per process: with several app servers, each enforces
 * its own window (docs/scaling.md says how to move it to Redis).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly failuresMax: number,
    private readonly windowMs: number,
    /** Bound on tracked keys, so a flood of random e-mails cannot grow memory without limit. */
    private readonly keysMax = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.failuresMax) return 0;
    const oldest = recent[recent.length - this.failuresMax] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    if (!this.failures.has(key) && this.failures.size >= this.keysMax) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
    this.failures.set(key, recent.slice(-this.failuresMax));
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > cutoff);
  }
}
