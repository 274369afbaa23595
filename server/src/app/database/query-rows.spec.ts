import { sendInOrder } from './query-rows';

function deferred() {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('sendInOrder', () => {
  it('sends at once when nothing is in flight, and each next statement only after the last is answered', async () => {
    const connection = {};
    const sent: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = sendInOrder(connection, () => (sent.push('a'), first.promise));
    expect(sent).toEqual(['a']); // handed to the driver before sendInOrder returned
    const b = sendInOrder(connection, () => (sent.push('b'), second.promise));
    const c = sendInOrder(connection, () => (sent.push('c'), Promise.resolve('c')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual(['a']);
    first.reject(new Error('a failed')); // an error does not stop the statements behind it
    await expect(a).rejects.toThrow('a failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual(['a', 'b']);
    second.resolve('b');
    await expect(b).resolves.toBe('b');
    await expect(c).resolves.toBe('c');
    expect(sent).toEqual(['a', 'b', 'c']);
  });

  it('keeps connections apart, and sends at once again once everything was answered', async () => {
    const one = {};
    const other = {};
    const sent: string[] = [];
    const pending = deferred();
    void sendInOrder(one, () => (sent.push('one'), pending.promise));
    void sendInOrder(other, () => (sent.push('other'), Promise.resolve('x')));
    expect(sent).toEqual(['one', 'other']);
    pending.resolve('done');
    await new Promise((resolve) => setImmediate(resolve));
    void sendInOrder(one, () => (sent.push('one again'), Promise.resolve('y')));
    expect(sent).toEqual(['one', 'other', 'one again']);
  });
});
