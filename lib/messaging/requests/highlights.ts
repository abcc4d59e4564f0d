/**
 * Highlights (issue 5): requests and broadcasts. Empty until that issue lands; the protocol already
 * composes them, so adding one is a line here, a payload reader in lib/background/payloads/highlights.ts
 * and a handler in lib/background/handlers/.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HighlightRequests {}

export type HighlightBroadcast = never;
