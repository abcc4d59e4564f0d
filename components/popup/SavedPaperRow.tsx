import { useEffect, useRef } from 'preact/hooks';
import { BadgeRow } from '../badges/BadgeRow';
import type { BadgeData } from '../badges/types';
import { topicLabel } from '../../lib/extract';
import { isRead, tagsOf } from '../../lib/library/paper-fields';
import type { QueryTerm } from '../../lib/library/query';
import type { LibraryPaper, PaperEdit, TagCount } from '../../lib/messaging/requests/library';
import type { PaperId, SavedPaper } from '../../lib/paper';
import { PaperDetails } from './PaperDetails';
import { pure } from './pure';
import type { Theme } from './use-preferred-theme';

/** Badges shown before the rest fold behind "+N": a row is one line high. */
const BADGES_SHOWN = 3;

export interface RowActions {
  onRemove: (id: PaperId, index: number, button: HTMLElement) => void;
  onExpand: (id: PaperId | undefined) => void;
  onEdit: (id: PaperId, edit: PaperEdit) => Promise<boolean>;
  onFilter: (term: QueryTerm) => void;
  /** The expanded row's height changed (the list lays out the rows below it). */
  onMeasure: (height: number) => void;
}

/**
 * One saved paper: read state, title, badges (a click filters by one) and tags on one line; "Details" opens
 * its tags, note and highlights below (one paper at a time). Rendered again only when its props change: a
 * scroll renders the rows that come into view, not those already shown.
 */
export const SavedPaperRow = pure(function SavedPaperRow({
  paper,
  index,
  total,
  top,
  removing,
  expanded,
  tagCounts,
  actions,
  theme,
}: {
  paper: LibraryPaper;
  index: number;
  total: number;
  top: number;
  removing: boolean;
  expanded: boolean;
  tagCounts: readonly TagCount[] | undefined;
  actions: RowActions;
  /** The badges' palette (components/badges/styles.ts switches on data-theme, not on the media query). */
  theme: Theme;
}) {
  const item = useRef<HTMLLIElement>(null);
  useMeasuredHeight(item, expanded, actions.onMeasure);
  const read = isRead(paper);
  const detailsId = `details-${paper.id.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const classes = ['saved-item', removing && 'removing', expanded && 'expanded', read ? 'read' : 'unread'].filter(Boolean).join(' ');
  return (
    <li
      ref={item}
      class={classes}
      style={{ top: `${top}px` }}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-paperlight-saved-item=""
      data-paperlight-id={paper.id}
      data-read={read ? 'true' : 'false'}
    >
      <div class="saved-item-head">
        <button
          type="button"
          class="read-toggle"
          data-paperlight-action="toggle-read"
          aria-pressed={read ? 'true' : 'false'}
          aria-label={read ? `Mark “${paper.title}” as unread` : `Mark “${paper.title}” as read`}
          title={read ? 'Read (click: mark unread)' : 'Unread (click: mark read)'}
          onClick={() => void actions.onEdit(paper.id, { read: !read })}
        />
        <div class="saved-item-text">
          <a class="saved-item-title" href={webLink(paper.url)} target="_blank" rel="noreferrer" title={paper.title}>
            {paper.title}
          </a>
          <div
            class="pl-root saved-item-badges"
            data-theme={theme}
            onClick={(event) => {
              const badge = (event.target as Element).closest<HTMLElement>('[data-paperlight-badge]');
              if (badge?.dataset.value) actions.onFilter({ field: badge.dataset.kind === 'topic' ? 'topic' : 'bench', value: badge.dataset.value, negated: false });
            }}
          >
            {tagsOf(paper).map((tag) => (
              <span key={tag} class="tag-chip" data-paperlight-tag={tag}>
                {tag}
              </span>
            ))}
            <BadgeRow badges={badgesOf(paper)} max={BADGES_SHOWN} />
          </div>
        </div>
        <button
          type="button"
          class="details-toggle"
          data-paperlight-action="details"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={expanded ? detailsId : undefined}
          aria-label={`${expanded ? 'Hide' : 'Show'} tags, note and highlights of “${paper.title}”`}
          onClick={() => actions.onExpand(expanded ? undefined : paper.id)}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button
          type="button"
          class="remove"
          disabled={removing}
          aria-label={`Remove “${paper.title}” from saved papers`}
          onClick={(event) => actions.onRemove(paper.id, index, event.currentTarget)}
        >
          {removing ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {expanded && <PaperDetails id={detailsId} paper={paper} tagCounts={tagCounts} onEdit={actions.onEdit} onFilter={actions.onFilter} theme={theme} />}
    </li>
  );
});

/** Placeholder while the row's page is on its way. */
export function PendingRow({ top }: { top: number }) {
  return <li class="saved-item pending" style={{ top: `${top}px` }} aria-busy="true" />;
}

export function badgesOf(paper: SavedPaper): BadgeData[] {
  return [
    ...paper.benchmarks.map((name): BadgeData => ({ kind: 'benchmark', value: name, label: name, hover: `Show papers on ${name}` })),
    ...paper.topics.map((id): BadgeData => ({ kind: 'topic', value: id, label: topicLabel(id), hover: `Show papers about ${topicLabel(id)}` })),
  ];
}

/** Only web links become hrefs (the worker checks this on save too; a record from an import might not be). */
export function webLink(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** Report the element's height while `active` (an expanded row grows as highlights load and notes wrap). */
function useMeasuredHeight(element: { current: HTMLElement | null }, active: boolean, onHeight: (height: number) => void): void {
  useEffect(() => {
    const target = element.current;
    if (!active || !target) return;
    onHeight(target.offsetHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => onHeight(target.offsetHeight));
    observer.observe(target);
    return () => observer.disconnect();
  }, [active, onHeight]);
}
