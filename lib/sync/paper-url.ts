/**
 * Where a paper that arrived by sync links to, and which site it is said to come from: sync records carry
 * the id, not the link of the page it was saved on (the id says where it lives, lib/paper-id.ts).
 */
import type { PaperId } from '../paper';

export function paperLinkOf(id: PaperId): { url: string; site: string } {
  const [prefix, rest] = splitPrefix(id);
  if (prefix === 'doi') return { url: `https://doi.org/${rest}`, site: 'doi' };
  if (prefix === 'openreview') return { url: `https://openreview.net/forum?id=${encodeURIComponent(rest)}`, site: 'openreview' };
  if (prefix === 'acl') return { url: `https://aclanthology.org/${encodeURIComponent(rest)}/`, site: 'acl-anthology' };
  return { url: `https://arxiv.org/abs/${id}`, site: 'arxiv' };
}

function splitPrefix(id: PaperId): [string, string] {
  const colon = id.indexOf(':');
  return colon > 0 ? [id.slice(0, colon), id.slice(colon + 1)] : ['', id];
}
