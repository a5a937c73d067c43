/** Runs async tasks one after another, in submission order. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when every task submitted so far has settled. */
  drain(): Promise<void>;
}

/** Creates a {@link SerialQueue}: a failed task rejects its own promise and does not stop the queue. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = tail.then(task);
      tail = next.catch(() => undefined);
      return next;
    },
    async drain() {
      await tail;
    },
  };
}
