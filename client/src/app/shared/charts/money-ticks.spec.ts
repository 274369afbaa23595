import { compactMoney, moneyTicks } from './money-ticks';

describe('money on chart axes', () => {
  it('labels minor units shortly in the currency', () => {
    expect(compactMoney(123_456, 'EUR', 'en-US')).toBe('€1.2K');
    expect(compactMoney(-5_000, 'USD', 'en-US')).toBe('-$50');
    expect(compactMoney(1_500, 'JPY', 'en-US')).toBe('¥1.5K');
    expect(moneyTicks('EUR', 'en-US').callback(250_000)).toBe('€2.5K');
  });
});
