import type { ComponentType } from 'preact';
import { KeyboardSection } from './KeyboardSection';
import { ReadingSection } from './ReadingSection';
import { SitesSection } from './SitesSection';
import { SyncSection } from './SyncSection';
import { WatchRulesSection } from './WatchRulesSection';

/**
 * The options page: one section component per feature, each in its own file in components/options/.
 * Add a section by adding it to SECTIONS.
 */
const SECTIONS: { id: string; title: string; Section: ComponentType }[] = [
  { id: 'sites', title: 'Sites', Section: SitesSection },
  { id: 'watch', title: 'Watch rules', Section: WatchRulesSection },
  { id: 'keyboard', title: 'Keyboard triage', Section: KeyboardSection },
  { id: 'reading', title: 'Reading', Section: ReadingSection },
  { id: 'sync', title: 'Sync', Section: SyncSection },
];

export function OptionsApp() {
  return (
    <main class="pl-options">
      <h1>Paperlight settings</h1>
      {SECTIONS.length === 0 && <p>Nothing to set yet.</p>}
      {SECTIONS.map(({ id, title, Section }) => (
        <section key={id} id={id} aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{title}</h2>
          <Section />
        </section>
      ))}
    </main>
  );
}
