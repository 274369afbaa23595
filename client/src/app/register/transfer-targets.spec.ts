import { accountRow } from '../testing/rows';
import { isCrossCurrency, transferTargets } from './transfer-targets';

describe('transfer targets', () => {
  const giro = accountRow({ name: 'Giro', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const closed = accountRow({ name: 'Old', currency: 'EUR', closed: true });
  const yen = accountRow({ name: 'Tokyo', currency: 'JPY' });

  it('offers every other open account, whatever its currency', () => {
    expect(transferTargets(giro, [giro, savings, closed, yen])).toEqual([savings, yen]);
  });

  it('keeps the closed target of an edited transfer listed', () => {
    expect(transferTargets(giro, [giro, closed], closed.id)).toEqual([closed]);
  });

  it('asks for two amounts only when both currencies are known and differ', () => {
    expect(isCrossCurrency(giro, yen)).toBe(true);
    expect(isCrossCurrency(giro, savings)).toBe(false);
    expect(isCrossCurrency(giro, undefined)).toBe(false);
    expect(isCrossCurrency(giro, { ...yen, currency: null })).toBe(false);
  });
});
