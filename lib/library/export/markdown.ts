/**
 * Markdown export for notebooks (Obsidian, Logseq, a README): one section per paper with its link, authors,
 * dates, topics, benchmarks, tags and read state, then the reader's note and highlights.
 *
 * Text that comes from pages (titles, authors, abstracts, highlighted quotes) is escaped so that it shows as
 * written and cannot turn into markup, links or raw HTML; the reader's own note is kept as written, since
 * people write their notes in Markdown.
 */
import { COLOR_LABELS, isHighlightColor } from '../../highlights/colors';
import { isRead, noteOf, tagsOf } from '../paper-fields';
import { arxivIdOf, isoDay, webUrl, writeAll, type ExportFile, type ExportInput, type FileLayout } from './files';

export function exportMarkdown(input: ExportInput, topicLabel: (id: string) => string = (id) => id): ExportFile {
  return writeAll(markdownLayout(input, topicLabel), input.papers);
}

export function markdownLayout(input: ExportInput, topicLabel: (id: string) => string = (id) => id): FileLayout {
  const { papers, highlights, now } = input;
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  const section: FileLayout['entry'] = (paper) => {
    const lines = [`## ${link(paper.title, webUrl(paper.url))}`, ''];
    const facts: string[] = [];
    if (paper.authors.length > 0) facts.push(`**Authors:** ${escapeMarkdown(paper.authors.join(', '))}`);
    const dates = [
      arxivIdOf(paper) ? `**arXiv:** ${link(paper.id, `https://arxiv.org/abs/${paper.id}`)}` : `**Id:** ${escapeMarkdown(paper.id)}`,
      paper.published ? `**Published:** ${paper.published}` : '',
      `**Saved:** ${isoDay(paper.savedAt)}`,
      isRead(paper) ? '**Read**' : '**Unread**',
    ];
    facts.push(dates.filter(Boolean).join(' · '));
    const labels = [
      paper.topics.length > 0 ? `**Topics:** ${escapeMarkdown(paper.topics.map(topicLabel).join(', '))}` : '',
      paper.benchmarks.length > 0 ? `**Benchmarks:** ${escapeMarkdown(paper.benchmarks.join(', '))}` : '',
      tagsOf(paper).length > 0 ? `**Tags:** ${tagsOf(paper).map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(' ')}` : '',
    ].filter(Boolean);
    if (labels.length > 0) facts.push(labels.join(' · '));
    // Two trailing spaces: a line break inside the paragraph.
    lines.push(facts.join('  \n'));

    const note = noteOf(paper).trim();
    if (note) lines.push('', '### Note', '', ...note.split(/\r\n|\r|\n/).map((line) => (line ? `> ${line}` : '>')));

    const marks = highlights.get(paper.id) ?? [];
    if (marks.length > 0) {
      lines.push('', '### Highlights', '');
      for (const mark of marks) {
        const colour = isHighlightColor(mark.color) ? COLOR_LABELS[mark.color] : mark.color;
        lines.push(`- “${escapeMarkdown(oneLine(mark.quote.exact))}” (${escapeMarkdown(colour.toLowerCase())}, ${mark.field})`);
        const markNote = mark.note.trim();
        if (markNote) lines.push(...markNote.split(/\r\n|\r|\n/).map((line) => `  ${line}`));
      }
    }
    if (paper.abstract.trim()) lines.push('', '<details><summary>Abstract</summary>', '', escapeMarkdown(oneLine(paper.abstract)), '', '</details>');
    return lines.join('\n');
  };
  const header = `# Paperlight library\n\nExported on ${isoDay(now)} · ${count}`;
  return {
    entry: section,
    file: (sections) => ({
      filename: `paperlight-${isoDay(now)}.md`,
      mimeType: 'text/markdown',
      text: `${[header, ...sections].join('\n\n')}\n`,
      count: papers.length,
    }),
  };
}

/** Page text shown literally: Markdown's inline markup characters and HTML's `<` `&` are backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (char) => `\\${char}`);
}

/** `[text](<url>)`; the plain (escaped) text when there is no web link. */
function link(text: string, url: string | undefined): string {
  const label = escapeMarkdown(oneLine(text));
  if (!url) return label;
  return `[${label}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
