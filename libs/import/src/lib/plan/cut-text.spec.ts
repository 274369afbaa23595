import { cutText } from './cut-text';

describe('cutText', () => {
  it('keeps text that fits and cuts longer text to the limit', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcdef', 4)).toBe('abcd');
  });

  it('never ends inside a surrogate pair', () => {
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
  });
});
