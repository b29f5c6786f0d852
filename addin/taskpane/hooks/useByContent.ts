import { useRef } from "react";

/**
 * The value as first seen, for as long as its content (as JSON) stays the same. A form that
 * starts from the workbook's records resets when its starting point changes; read from a new
 * snapshot after a save elsewhere, an equal starting point keeps its identity, so an unsaved
 * edit in another tab survives the save.
 */
export function useByContent<T>(value: T): T {
  const held = useRef<{ key: string; value: T } | null>(null);
  const key = JSON.stringify(value);
  if (held.current === null || held.current.key !== key) held.current = { key, value };
  return held.current.value;
}
