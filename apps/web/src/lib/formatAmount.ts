/**
 * A payment amount for people: `"1250.00"`, `"EUR"` → `"€1,250.00"` (locale default `en-GB`).
 * Falls back to `"1250.00 XYZ"` for a currency code Intl does not know.
 */
export function formatAmount(amount: string, currency: string, locale = 'en-GB'): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${amount} ${currency}`;
  try {
    const decimals = amount.includes('.') ? (amount.split('.')[1] ?? '').length : 0;
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}
