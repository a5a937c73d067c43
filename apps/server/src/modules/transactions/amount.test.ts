import { describe, expect, it } from 'vitest';
import { AmountError, parseAmount } from './amount.ts';

describe('parseAmount', () => {
  it.each([
    ['125.5', 'EUR', '125.50', 12550n],
    ['0.01', 'EUR', '0.01', 1n],
    ['1250', 'JPY', '1250', 1250n],
    ['1.5', 'KWD', '1.500', 1500n],
    ['9999999999999999.99', 'USD', '9999999999999999.99', 999999999999999999n],
  ])('%s %s is %s (%d minor units)', (value, currency, canonical, minor) => {
    expect(parseAmount(value, currency)).toEqual({ value: canonical, currency, minor });
  });

  it.each([
    ['1.234', 'EUR'],
    ['1.5', 'JPY'],
    ['0', 'EUR'],
    ['-1', 'EUR'],
    ['+1', 'EUR'],
    ['01.00', 'EUR'],
    ['1e3', 'EUR'],
    ['1,00', 'EUR'],
    ['.5', 'EUR'],
    ['1.', 'EUR'],
    ['10', 'eur'],
    ['10', 'EURO'],
  ])('refuses %s %s', (value, currency) => {
    expect(() => parseAmount(value, currency)).toThrow(AmountError);
  });
});
