/**
 * Remembering what a pure function of one text gave, for the texts a workbook repeats on every row
 * (partner ids, periods, topic names): reading 100,000 rows then works out each distinct text once
 * instead of allocating a new string per row. The memory is bounded: past `limit` texts it starts over.
 */
export function memoText<R>(fn: (text: string) => R, limit = 50_000): (text: string) => R {
  let seen = new Map<string, R>();
  return (text: string) => {
    let result = seen.get(text);
    if (result === undefined && !seen.has(text)) {
      if (seen.size >= limit) seen = new Map();
      result = fn(text);
      seen.set(text, result);
    }
    return result as R;
  };
}

/** `text.toLowerCase()`, remembered. */
export const lowerCase = memoText((text) => text.toLowerCase());

/** `text.trim().toLowerCase()`, remembered: the key two names match on regardless of case and spaces. */
export const nameKey = memoText((text) => text.trim().toLowerCase());
