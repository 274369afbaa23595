import { mergePayee, payeeForName } from './payee-mutations';

describe('payeeForName', () => {
  it('creates a new payee with the id of its name, tidied', () => {
    expect(payeeForName('  Rewe   Markt ', [])).toEqual({
      payeeId: '851f3118-36cd-5310-ba8e-5457e438d49f',
      mutations: [
        {
          modelName: 'payees',
          operation: 'create',
          data: { id: '851f3118-36cd-5310-ba8e-5457e438d49f', name: 'Rewe Markt', favorite: false },
        },
      ],
    });
  });

  it('writes nothing when the payee exists (even merged away)', () => {
    const existing = {
      id: '851f3118-36cd-5310-ba8e-5457e438d49f',
      name: 'REWE',
      mergedIntoId: 'e0000000-0000-4000-8000-000000000000',
    };
    expect(payeeForName('rewe markt', [existing])).toEqual({ payeeId: existing.id, mutations: [] });
  });

  it('refuses an empty or too long name', () => {
    expect(() => payeeForName('   ', [])).toThrow(RangeError);
    expect(() => payeeForName('x'.repeat(201), [])).toThrow(RangeError);
    expect(payeeForName('x'.repeat(200), []).mutations).toHaveLength(1);
  });
});

describe('mergePayee', () => {
  it('is one update of the merged payee', () => {
    expect(mergePayee('a', 'b')).toEqual([
      { modelName: 'payees', operation: 'update', data: { id: 'a', mergedIntoId: 'b' } },
    ]);
    expect(mergePayee('a', 'a')).toEqual([]);
  });
});
