import { DeleteConfirmation } from './delete-confirmation';

describe('DeleteConfirmation', () => {
  afterEach(() => jest.useRealTimers());

  it('deletes only on a second press of the same row', () => {
    const deleting = new DeleteConfirmation();
    expect(deleting.confirm('a')).toBe(false);
    expect(deleting.isArmed('a')).toBe(true);
    expect(deleting.confirm('b')).toBe(false);
    expect(deleting.isArmed('a')).toBe(false);
    expect(deleting.confirm('b')).toBe(true);
    expect(deleting.armed()).toBeNull();
  });

  it('disarms itself after a few seconds', () => {
    jest.useFakeTimers();
    const deleting = new DeleteConfirmation(5000);
    deleting.confirm('a');
    jest.advanceTimersByTime(4999);
    expect(deleting.isArmed('a')).toBe(true);
    jest.advanceTimersByTime(1);
    expect(deleting.isArmed('a')).toBe(false);
    expect(deleting.confirm('a')).toBe(false);
  });

  it('disarms when focus leaves the buttons, not when it moves between them', () => {
    const group = document.createElement('span');
    const confirm = document.createElement('button');
    const cancel = document.createElement('button');
    group.append(confirm, cancel);
    const deleting = new DeleteConfirmation();
    deleting.confirm('a');

    const leave = (to: Element | null) => {
      const event = new FocusEvent('focusout', { relatedTarget: to });
      Object.defineProperty(event, 'currentTarget', { value: group });
      deleting.disarmOnLeave(event);
    };
    leave(cancel);
    expect(deleting.isArmed('a')).toBe(true);
    leave(document.body);
    expect(deleting.isArmed('a')).toBe(false);
  });
});
