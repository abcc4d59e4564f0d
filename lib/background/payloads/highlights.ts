import type { TextPositionSelector, TextQuoteSelector } from '../../db/schema';
import type { NewHighlight } from '../../db/highlights';
import { HIGHLIGHT_COLORS, isHighlightColor } from '../../highlights/colors';
import type { HighlightRequests } from '../../messaging/requests/highlights';
import type { PayloadReaders } from '../validate';
import { paperPayloadReaders } from './papers';
import { InvalidRequest, LIMITS, readInteger, readList, readObject, readPaperId, readString } from './read';

/** Sizes of what a highlight may carry: a quote is at most a whole abstract, a note a few paragraphs. */
export const HIGHLIGHT_LIMITS = {
  idLength: 64,
  quoteLength: LIMITS.abstractLength,
  /** Context is ~32 characters; a little more is accepted from other tools' selectors. */
  contextLength: 256,
  noteLength: 10_000,
  listPapers: 5_000,
} as const;

export const highlightPayloadReaders: PayloadReaders<HighlightRequests> = {
  'highlight/create': (message) => ({
    highlight: readNewHighlight(message.highlight),
    // The same checks as a save: the paper is saved with the highlight when it is not in the library yet.
    paper: paperPayloadReaders['paper/save']({ paper: message.paper }).paper,
  }),
  'highlight/update': (message) => {
    const changes: HighlightRequests['highlight/update']['payload'] = { id: readHighlightId(message.id, 'id') };
    if (message.color !== undefined) changes.color = readColor(message.color, 'color');
    if (message.note !== undefined) changes.note = readString(message.note, 'note', HIGHLIGHT_LIMITS.noteLength, true);
    if (changes.color === undefined && changes.note === undefined) throw new InvalidRequest('nothing to change (color or note)');
    return changes;
  },
  'highlight/delete': (message) => ({ id: readHighlightId(message.id, 'id') }),
  'highlight/list': (message) => ({
    paperIds: readList(message.paperIds, 'paperIds', HIGHLIGHT_LIMITS.listPapers, (id, field) => readPaperId(id, field)),
  }),
  'highlight/papers': () => ({}),
};

function readNewHighlight(raw: unknown): NewHighlight {
  const highlight = readObject(raw, 'highlight');
  const field = readString(highlight.field, 'highlight.field', 16);
  if (field !== 'title' && field !== 'abstract') throw new InvalidRequest('highlight.field must be "title" or "abstract"');
  const quote = readQuote(highlight.quote);
  const position = readPosition(highlight.position);
  if (position.end - position.start !== quote.exact.length) {
    throw new InvalidRequest('highlight.position does not span the quote');
  }
  return {
    id: readHighlightId(highlight.id, 'highlight.id'),
    paperId: readPaperId(highlight.paperId, 'highlight.paperId'),
    field,
    color: readColor(highlight.color, 'highlight.color'),
    note: readString(highlight.note, 'highlight.note', HIGHLIGHT_LIMITS.noteLength, true),
    quote,
    position,
  };
}

/** Ids are made by the page (crypto.randomUUID()): letters, digits and dashes. */
function readHighlightId(raw: unknown, field: string): string {
  const id = readString(raw, field, HIGHLIGHT_LIMITS.idLength);
  if (!/^[A-Za-z0-9-]+$/.test(id)) throw new InvalidRequest(`${field} is not a highlight id`);
  return id;
}

function readColor(raw: unknown, field: string): string {
  if (!isHighlightColor(raw)) throw new InvalidRequest(`${field} must be one of ${HIGHLIGHT_COLORS.join(', ')}`);
  return raw;
}

function readQuote(raw: unknown): TextQuoteSelector {
  const quote = readObject(raw, 'highlight.quote');
  if (quote.type !== 'TextQuoteSelector') throw new InvalidRequest('highlight.quote.type must be "TextQuoteSelector"');
  const exact = readString(quote.exact, 'highlight.quote.exact', HIGHLIGHT_LIMITS.quoteLength);
  if (!exact.trim()) throw new InvalidRequest('highlight.quote.exact is blank');
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: readString(quote.prefix, 'highlight.quote.prefix', HIGHLIGHT_LIMITS.contextLength, true),
    suffix: readString(quote.suffix, 'highlight.quote.suffix', HIGHLIGHT_LIMITS.contextLength, true),
  };
}

function readPosition(raw: unknown): TextPositionSelector {
  const position = readObject(raw, 'highlight.position');
  if (position.type !== 'TextPositionSelector') throw new InvalidRequest('highlight.position.type must be "TextPositionSelector"');
  const start = readInteger(position.start, 'highlight.position.start', 0, HIGHLIGHT_LIMITS.quoteLength);
  const end = readInteger(position.end, 'highlight.position.end', 1, HIGHLIGHT_LIMITS.quoteLength);
  if (end <= start) throw new InvalidRequest('highlight.position.end must be after its start');
  return { type: 'TextPositionSelector', start, end };
}
