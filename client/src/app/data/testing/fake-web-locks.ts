/**
 * The part of the Web Locks API the app uses (`request` with exclusive locks), for jsdom, which
 * has none. Like the browser it grants a free lock at once (the callback starts synchronously)
 * and hands a held one to the waiters in request order once the holder's promise settles.
 */
export class FakeLockManager {
  private readonly queues = new Map<string, (() => void)[]>();

  request<T>(name: string, _options: LockOptions, callback: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        let result: Promise<T>;
        try {
          result = Promise.resolve(callback());
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => this.release(name));
      };
      const queue = this.queues.get(name);
      if (queue) {
        queue.push(run);
      } else {
        this.queues.set(name, []);
        run();
      }
    });
  }

  /** Whether `name` is held (by anyone). */
  isHeld(name: string): boolean {
    return this.queues.has(name);
  }

  private release(name: string): void {
    const next = this.queues.get(name)?.shift();
    if (next) {
      next();
    } else {
      this.queues.delete(name);
    }
  }
}
