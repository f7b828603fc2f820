/** Bulletin dates (YYYY-MM-DD) → CSAF date-times: midnight UTC, as the bulletin gives no time of day. */
export function csafDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : undefined;
}
