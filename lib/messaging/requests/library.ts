/**
 * The library (issue 6): tags, notes, read state, exports, backup/import, settings, sync. Empty until
 * that issue lands; see lib/messaging/protocol.ts for how domains compose.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LibraryRequests {}

export type LibraryBroadcast = never;
