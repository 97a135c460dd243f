/** Wakes one waiter early; a wake that comes while nobody waits is kept for the next wait. */
export class WakeSignal {
  private fired = false;
  private wakeUp: (() => void) | undefined;

  fire(): void {
    this.fired = true;
    this.wakeUp?.();
  }

  /** Resolves on the next (or a kept) wake, or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.fired) {
      this.fired = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = undefined;
        self.fired = false;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
