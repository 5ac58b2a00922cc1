/** Allows at most `limit` automatic restarts within a sliding window of `windowMs`. */
export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  allowRestart(now: number): boolean {
    while (this.restarts.length > 0 && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(now);
    return true;
  }
}
