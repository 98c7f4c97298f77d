// Rounds of work per key (a correction's provider refunds) that never overlap and are never lost:
// asked while its round runs, one more round starts right after it, shared by everyone who asks
// meanwhile (never more than one waits). A round reads its state when it starts, so what changed
// during a running round is seen by the next, not missed until a later timer. Pure: no I/O.
export class Rounds {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  /** `round` must not reject (its caller catches and logs). */
  constructor(private readonly round: (key: string) => Promise<void>) {}

  run(key: string): Promise<void> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (running) {
      const next = running.then(() => {
        this.queued.delete(key);
        return this.run(key);
      });
      this.queued.set(key, next);
      return next;
    }
    const p = this.round(key).finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }
}
