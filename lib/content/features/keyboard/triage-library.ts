/**
 * What keyboard triage needs from the library besides saving (which goes through the page's LibraryState):
 * read state and tags. Each call resolves with the sentence to announce (success or the reason it failed);
 * none rejects.
 */
import { isRead } from '../../../library/paper-fields';
import type { AnnotatedEntry } from '../../entry-features';
import type { LibraryState, RequestFn } from '../../library-state';

export interface TriageLibrary {
  /** Mark the entry's paper read, or unread when it already is. */
  toggleRead(entry: AnnotatedEntry): Promise<string>;
  /** Add one tag to the entry's paper (saving it first when it is not saved: a tag belongs to a saved paper). */
  addTag(entry: AnnotatedEntry, tag: string): Promise<string>;
  /** Tags in use, for the prompt's suggestions. */
  tagSuggestions(): Promise<string[]>;
}

/** Over the library's requests (lib/messaging/requests/library.ts); saving goes through the page's LibraryState. */
export function requestTriageLibrary(request: RequestFn, library: LibraryState): TriageLibrary {
  return {
    async toggleRead({ paper }) {
      if (!library.get(paper.id).saved) return `“${paper.title}” is not in your library: save it first to keep its read state.`;
      const reply = await request('library/edit', { id: paper.id, edit: { read: 'toggle' } });
      if (!reply.ok) return `Could not change the read state of “${paper.title}”: ${reply.error}`;
      return `${isRead(reply.value) ? 'Marked read' : 'Marked unread'}: “${paper.title}”.`;
    },
    async addTag({ paper, extraction }, tag) {
      if (!library.get(paper.id).saved) {
        await library.toggle(paper, extraction);
        const state = library.get(paper.id);
        if (!state.saved) return `Could not save “${paper.title}” to tag it: ${state.error ?? 'unknown error'}`;
      }
      const reply = await request('library/edit', { id: paper.id, edit: { addTags: [tag] } });
      if (!reply.ok) return `Could not tag “${paper.title}”: ${reply.error}`;
      return `Tagged “${paper.title}” ${tag}. Its tags: ${(reply.value.tags ?? []).join(', ')}.`;
    },
    async tagSuggestions() {
      const reply = await request('library/tags', {});
      return reply.ok ? reply.value.map(({ tag }) => tag) : [];
    },
  };
}
