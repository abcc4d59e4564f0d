/**
 * Highlights of papers that are not in the library (any more): the library popup shows each saved paper's
 * highlights in its details (PaperDetails embeds PaperHighlights), but a paper removed after it was
 * highlighted keeps its highlights (nothing highlighted is dropped silently), and they are listed here, by
 * paper, newest change first. Renders nothing when there are none.
 */
import { useEffect, useState } from 'preact/hooks';
import { onBroadcast as onBroadcastFromBackground, request as requestToBackground } from '../../../lib/messaging/client';
import type { HighlightedPaper } from '../../../lib/messaging/requests/highlights';
import { PaperHighlights } from '../PaperHighlights';
import { usePageStatus } from './page-status';
import type { MessagingDeps } from './use-paper-highlights';

export function UnsavedPaperHighlights({
  request = requestToBackground,
  onBroadcast = onBroadcastFromBackground,
  defer = false,
}: MessagingDeps & {
  /** Not yet: the popup holds this back while the list loads (reading every highlighted paper is not free). */
  defer?: boolean;
}) {
  const [papers, setPapers] = useState<HighlightedPaper[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const stop = new AbortController();
    // A paper saved or removed, or one gaining its first or losing its last highlight, changes the list.
    onBroadcast((message) => {
      if (message.type === 'highlight/changed' || message.type === 'paper/changed') setChanges((n) => n + 1);
    }, stop.signal);
    return () => stop.abort();
  }, [onBroadcast]);

  useEffect(() => {
    if (defer) return;
    let current = true;
    void request('highlight/papers', {}).then((reply) => {
      if (!current) return;
      if (reply.ok) {
        // The library knows a title only for papers it holds.
        setPapers(reply.value.filter((paper) => paper.title === undefined));
        setError(undefined);
      } else setError(reply.error);
    });
    return () => {
      current = false;
    };
  }, [request, changes, defer]);

  const status = usePageStatus(papers?.map((paper) => paper.paperId) ?? []);
  if (error) {
    return (
      <p class="pl-hl-error" role="alert">
        Could not load highlights: {error}
      </p>
    );
  }
  if (!papers || papers.length === 0) return null;
  const count = papers.reduce((sum, paper) => sum + paper.count, 0);
  return (
    <details class="highlights-section" data-paperlight-unsaved-highlights="">
      <summary>
        Highlights of papers not in your library ({count})
      </summary>
      {papers.map((paper) => (
        <section key={paper.paperId} class="highlights-paper" data-paperlight-id={paper.paperId}>
          <h2 class="highlights-paper-title">{paper.paperId}</h2>
          <PaperHighlights paperId={paper.paperId} pageStatus={status?.papers[paper.paperId] ?? null} request={request} onBroadcast={onBroadcast} />
        </section>
      ))}
    </details>
  );
}
