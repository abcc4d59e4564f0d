/** How long a removal (of a paper, a highlight or a tag) is kept and synced: a browser offline for longer may bring the item back. */
export const TOMBSTONE_TTL_MS = 60 * 86_400_000;
