import { BadgeRow } from '../badges/BadgeRow';
import type { BadgeData } from '../badges/types';
import { topicLabel } from '../../lib/extract';
import type { PaperId, SavedPaper } from '../../lib/paper';
import type { Theme } from './use-preferred-theme';

/** Badges shown before the rest fold behind "+N": a row is one line high. */
const BADGES_SHOWN = 4;

export function SavedPaperRow({
  paper,
  index,
  total,
  top,
  removing,
  onRemove,
  theme,
}: {
  paper: SavedPaper;
  index: number;
  total: number;
  top: number;
  removing: boolean;
  onRemove: (id: PaperId, index: number, button: HTMLElement) => void;
  /** The badges' palette (components/badges/styles.ts switches on data-theme, not on the media query). */
  theme: Theme;
}) {
  return (
    <li
      class={removing ? 'saved-item removing' : 'saved-item'}
      style={{ top: `${top}px` }}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-paperlight-saved-item=""
      data-paperlight-id={paper.id}
    >
      <div class="saved-item-text">
        <a class="saved-item-title" href={webLink(paper.url)} target="_blank" rel="noreferrer" title={paper.title}>
          {paper.title}
        </a>
        <div class="pl-root saved-item-badges" data-theme={theme}>
          <BadgeRow badges={badgesOf(paper)} max={BADGES_SHOWN} />
        </div>
      </div>
      <button
        type="button"
        class="remove"
        disabled={removing}
        aria-label={`Remove “${paper.title}” from saved papers`}
        onClick={(event) => onRemove(paper.id, index, event.currentTarget)}
      >
        {removing ? 'Removing…' : 'Remove'}
      </button>
    </li>
  );
}

/** Placeholder while the row's page is on its way. */
export function PendingRow({ top }: { top: number }) {
  return <li class="saved-item pending" style={{ top: `${top}px` }} aria-busy="true" />;
}

export function badgesOf(paper: SavedPaper): BadgeData[] {
  return [
    ...paper.benchmarks.map((name): BadgeData => ({ kind: 'benchmark', value: name, label: name })),
    ...paper.topics.map((id): BadgeData => ({ kind: 'topic', value: id, label: topicLabel(id) })),
  ];
}

/** Only web links become hrefs (the worker checks this on save too; a record from an import might not be). */
function webLink(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
