import type { PaperToSave } from '../../db';
import type { PaperRequests } from '../../messaging/requests/papers';
import type { PayloadReaders } from '../validate';
import {
  InvalidRequest,
  LIMITS,
  readInteger,
  readIsoDate,
  readLabels,
  readList,
  readObject,
  readPaperId,
  readString,
  readWebUrl,
} from './read';

export const paperPayloadReaders: PayloadReaders<PaperRequests> = {
  'paper/save': (message) => ({ paper: readPaperToSave(message.paper) }),
  'paper/remove': (message) => ({ id: readPaperId(message.id, 'id') }),
  'paper/status': (message) => ({
    ids: readList(message.ids, 'ids', LIMITS.statusIds, (id, field) => readString(id, field, LIMITS.idLength)),
  }),
  'library/summary': () => ({}),
  'library/list': (message) => {
    const query = message.query === undefined ? undefined : readString(message.query, 'query', LIMITS.queryLength, true);
    const offset = readInteger(message.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = readInteger(message.limit, 'limit', 1, LIMITS.pageSize);
    return query === undefined ? { offset, limit } : { query, offset, limit };
  },
};

function readPaperToSave(raw: unknown): PaperToSave {
  const paper = readObject(raw, 'paper');
  const saved: PaperToSave = {
    id: readPaperId(paper.id, 'paper.id'),
    site: readString(paper.site, 'paper.site', LIMITS.siteLength),
    url: readWebUrl(paper.url, 'paper.url'),
    title: readString(paper.title, 'paper.title', LIMITS.titleLength).trim(),
    authors: readList(paper.authors, 'paper.authors', LIMITS.authors, (author, field) =>
      readString(author, field, LIMITS.authorLength, true),
    ),
    abstract: readString(paper.abstract, 'paper.abstract', LIMITS.abstractLength, true),
    topics: readLabels(paper.topics, 'paper.topics', LIMITS.topics),
    benchmarks: readLabels(paper.benchmarks, 'paper.benchmarks', LIMITS.benchmarks),
  };
  if (!saved.title) throw new InvalidRequest('paper.title is empty');
  if (paper.published !== undefined) saved.published = readIsoDate(paper.published, 'paper.published');
  return saved;
}
