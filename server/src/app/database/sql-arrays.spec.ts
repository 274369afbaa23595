import { plainArrayLiteral } from './sql-arrays';

describe('plainArrayLiteral', () => {
  it('joins uuids and integers into an array literal', () => {
    expect(
      plainArrayLiteral([
        '0f8fad5b-d9cb-469f-a165-70867728950e',
        'e02fd0e4-00fd-090a-ca30-0d00a0038ba0',
      ]),
    ).toBe('{0f8fad5b-d9cb-469f-a165-70867728950e,e02fd0e4-00fd-090a-ca30-0d00a0038ba0}');
    expect(plainArrayLiteral([1, 22, 333])).toBe('{1,22,333}');
  });

  it('writes an empty array as {}', () => {
    expect(plainArrayLiteral([])).toBe('{}');
  });
});
