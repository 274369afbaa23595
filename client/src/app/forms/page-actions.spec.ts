import { PageActions, removeEach, updateEach } from './page-actions';

describe('PageActions', () => {
  it('keeps the message of the last failed action until the next one', async () => {
    const actions = new PageActions();
    await actions.run(async () => {
      throw new Error('Sign in to change your household data.');
    });
    expect(actions.error()).toBe('Sign in to change your household data.');
    await actions.run(async () => undefined);
    expect(actions.error()).toBeNull();
    actions.fail('Name must not be empty.');
    expect(actions.error()).toBe('Name must not be empty.');
    actions.clear();
    expect(actions.error()).toBeNull();
  });
});

describe('writing rows one after another', () => {
  it('updates and deletes in the order given, each write after the one before', async () => {
    const calls: string[] = [];
    const store = {
      update: async (id: string, patch: { sortOrder?: number }) => {
        await Promise.resolve();
        calls.push(`update ${id} ${JSON.stringify(patch)}`);
      },
      remove: async (id: string) => {
        await Promise.resolve();
        calls.push(`remove ${id}`);
      },
    };
    await updateEach(store, [
      { id: 'a', sortOrder: 20 },
      { id: 'b', sortOrder: 10 },
    ]);
    await removeEach(store, ['child', 'parent']);
    expect(calls).toEqual([
      'update a {"sortOrder":20}',
      'update b {"sortOrder":10}',
      'remove child',
      'remove parent',
    ]);
  });
});
