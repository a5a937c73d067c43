/** ISO 4217 currencies whose minor unit is not 2 decimal places (everything else uses 2). */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Decimal places of a currency's minor unit (ISO 4217); 2 unless listed otherwise. */
export const currencyExponent = (currency: string): number => EXPONENTS[currency] ?? 2;

/** An amount in its canonical decimal form (exactly the currency's decimals) and in minor units. */
export interface Amount {
  /** e.g. `"1250.00"` for EUR, `"1250"` for JPY. */
  readonly value: string;
  readonly currency: string;
  /** Integer minor units, e.g. 125000n cents. */
  readonly minor: bigint;
}

/** Why an amount was refused. */
export class AmountError extends Error {
  override readonly name = 'AmountError';
}

const DECIMAL = /^(0|[1-9]\d{0,15})(?:\.(\d+))?$/;

/**
 * Parses a positive decimal amount string in major units (`"1250.5"`) for an ISO 4217 currency
 * (`EUR`) into its canonical form (`"1250.50"`). Throws {@link AmountError} for more decimals than the
 * currency has, zero, signs, exponents or a malformed currency code.
 */
export function parseAmount(value: string, currency: string): Amount {
  if (!/^[A-Z]{3}$/.test(currency)) throw new AmountError(`currency "${currency}" is not an ISO 4217 code (three capital letters).`);
  const m = DECIMAL.exec(value);
  if (m === null) throw new AmountError(`amount "${value}" is not a plain positive decimal like "1250.00".`);
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) throw new AmountError(`${currency} has ${exp} decimal place${exp === 1 ? '' : 's'}; "${value}" has ${frac.length}.`);
  const minor = BigInt(`${m[1] ?? '0'}${frac.padEnd(exp, '0')}`);
  if (minor === 0n) throw new AmountError('amount must be greater than zero.');
  return { value: formatMinor(minor, exp), currency, minor };
}

function formatMinor(minor: bigint, exp: number): string {
  if (exp === 0) return minor.toString();
  const s = minor.toString().padStart(exp + 1, '0');
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}
