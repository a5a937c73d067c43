/** True when `error` is PostgreSQL's unique_violation (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
