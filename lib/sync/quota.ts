/**
 * Failures of storage.sync writes, as Chrome and Firefox word them ("QUOTA_BYTES quota exceeded",
 * "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded", ...), sorted
 * into what to do about them.
 */
export type WriteFailure =
  /** Too many bytes in all, in one item, or too many items: pack into less and try again. */
  | { kind: 'space'; message: string }
  /** Too many writes lately: wait, then try again. */
  | { kind: 'rate'; message: string; waitMs: number }
  | { kind: 'other'; message: string };

export function classifyWriteError(error: unknown): WriteFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/i.test(message)) return { kind: 'rate', message, waitMs: 60_000 };
  if (/MAX_WRITE_OPERATIONS_PER_HOUR|MAX_SUSTAINED_WRITE/i.test(message)) return { kind: 'rate', message, waitMs: 15 * 60_000 };
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return { kind: 'space', message };
  return { kind: 'other', message };
}
