// The requests one mailbox has in flight, at most Outlook's 4: a $batch envelope (its requests run
// one after the other) or an upload's PUT each hold a place until answered.

/** Outlook's concurrency limit per app and mailbox. */
export const MAILBOX_CONCURRENCY = 4;

export class InFlightSlots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size = MAILBOX_CONCURRENCY) {}

  /** Takes a place now, if one is free. */
  tryTake(): boolean {
    if (this.used >= this.size) return false;
    this.used++;
    return true;
  }

  /** Takes a place, waiting for one. */
  async take(): Promise<void> {
    if (this.tryTake()) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Gives a place back: to the first waiting, or free. */
  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.used--;
  }
}
