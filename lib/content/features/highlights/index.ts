/**
 * Highlights on entries (issue 5): paint each shown paper's stored highlights into its title and abstract,
 * keep them painted through the page's re-renders, and let the reader make, recolour, annotate and delete them.
 *
 * Pieces: the tab's highlight cache (loaded per paper, kept in sync by broadcasts), the painter (marks in the
 * page, anchored by lib/highlights), and the interactions (selection toolbar, edit toolbar, keyboard command).
 * A highlight the page cannot place stays stored; the popup lists it as "not found on this page".
 *
 * Example pages: https://arxiv.org/list/cs.LG/new (abstracts), https://arxiv.org/abs/2609.31620,
 * https://huggingface.co/papers (titles), https://huggingface.co/papers/2609.31620 (title and abstract).
 */
import type { PaperToSave } from '../../../db';
import type { StoredHighlight } from '../../../db/schema';
import type { PageHighlightStatus, PaperPageStatus } from '../../../messaging/requests/highlights';
import type { PaperId } from '../../../paper';
import type { AnnotatedEntry, EntryFeature } from '../../entry-features';
import { savedPaperPayload } from '../../library-state';
import type { FeatureContext } from '../../paperlight';
import { FIELDS, fieldElement, type Field } from './fields';
import { HighlightCache } from './highlight-cache';
import { HighlightInteractions } from './interactions';
import { HIGHLIGHT_ATTRIBUTE } from './paint';
import { HighlightPainter } from './painter';
import type { FieldOwner } from './selection';
import { listenForTabMessages } from './tab-messages';

export interface HighlightsFeatureOptions {
  /** Wait before loading the highlights of papers that just appeared, to ask for many at once (ms). */
  batchDelayMs?: number;
  selectionDelayMs?: number;
  /** New highlight ids (tests make them predictable). */
  newId?: () => string;
  /** Listen for the keyboard command and the popup's questions (off in tests that have no browser). */
  tabMessages?: boolean;
}

export interface HighlightsFeature extends EntryFeature {
  readonly cache: HighlightCache;
  readonly painter: HighlightPainter;
  readonly interactions: HighlightInteractions;
  /** What this page shows of these papers' highlights (all papers on the page when `paperIds` is empty). */
  pageStatus(paperIds: PaperId[]): PageHighlightStatus;
}

export function highlightsFeature(context: FeatureContext, options: HighlightsFeatureOptions = {}): HighlightsFeature {
  const { doc, signal, request, onBroadcast } = context;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const cache = new HighlightCache(request, onBroadcast, signal, options.batchDelayMs);
  const painter = new HighlightPainter();
  /** The latest reading of every entry shown, by root. */
  const shown = new Map<Element, AnnotatedEntry>();
  /** Field elements of shown entries (to find which field a selection or click is in). */
  const fieldOwners = new WeakMap<Element, { root: Element; field: Field }>();

  const paint = (entry: AnnotatedEntry) => {
    if (cache.isLoaded(entry.paper.id)) painter.update(entry, cache.forPaper(entry.paper.id));
  };
  cache.onChange((paperId) => {
    for (const entry of shown.values()) if (entry.paper.id === paperId) paint(entry);
  });

  const locate = (node: Node): FieldOwner | undefined => {
    for (let at: Node | null = node; at; at = at.parentNode) {
      if (at.nodeType !== 1) continue;
      const element = at as Element;
      const owner = fieldOwners.get(element);
      const entry = owner && shown.get(owner.root);
      if (owner && entry && fieldElement(entry, owner.field) === element) return { entry, field: owner.field, element };
    }
    return undefined;
  };

  const interactions = new HighlightInteractions({
    doc,
    signal,
    locate,
    selectionDelayMs: options.selectionDelayMs,
    create: ({ entry, field, selectors }, color, note) => {
      const paper: PaperToSave = savedPaperPayload(entry.paper, entry.extraction);
      return cache.create({ id: newId(), paperId: entry.paper.id, field, color, note, quote: selectors.quote, position: selectors.position }, paper);
    },
    highlightOf: (mark) => {
      const id = mark.getAttribute(HIGHLIGHT_ATTRIBUTE);
      const owner = locate(mark);
      return id && owner ? cache.get(owner.entry.paper.id, id) : undefined;
    },
    update: (highlight, changes) => cache.update(highlight.id, changes),
    remove: (highlight: StoredHighlight) => cache.remove(highlight.paperId, highlight.id),
  });

  const pageStatus = (paperIds: PaperId[]): PageHighlightStatus => {
    const fieldsShown = new Map<PaperId, Set<Field>>();
    for (const entry of shown.values()) {
      const fields = fieldsShown.get(entry.paper.id) ?? new Set<Field>();
      for (const field of FIELDS) if (fieldElement(entry, field)) fields.add(field);
      fieldsShown.set(entry.paper.id, fields);
    }
    const asked = paperIds.length > 0 ? paperIds.filter((id) => fieldsShown.has(id)) : [...fieldsShown.keys()];
    const papers: PageHighlightStatus['papers'] = {};
    for (const paperId of asked) {
      if (!cache.isLoaded(paperId)) continue;
      const painted = painter.shownOf(paperId);
      const status: PaperPageStatus = { shown: [], notFound: [], fieldNotShown: [] };
      for (const highlight of cache.forPaper(paperId)) {
        if (painted.has(highlight.id)) status.shown.push(highlight.id);
        else if (fieldsShown.get(paperId)!.has(highlight.field)) status.notFound.push(highlight.id);
        else status.fieldNotShown.push(highlight.id);
      }
      papers[paperId] = status;
    }
    return { papers };
  };

  if (options.tabMessages !== false) {
    listenForTabMessages({ command: () => void interactions.highlightSelection(), pageStatus }, signal);
  }

  return {
    name: 'highlights',
    cache,
    painter,
    interactions,
    pageStatus,
    entryUpdated(entry) {
      shown.set(entry.root, entry);
      for (const field of FIELDS) {
        const element = fieldElement(entry, field);
        if (element) fieldOwners.set(element, { root: entry.root, field });
      }
      cache.want(entry.paper.id);
      paint(entry);
    },
    entryRemoved(root) {
      shown.delete(root);
      painter.remove(root);
    },
    clear() {
      interactions.hide();
      painter.clear();
      shown.clear();
    },
  };
}
