// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CURRENT_ATTRIBUTE, keyboardFeature } from '../../../lib/content/features/keyboard';
import { ANNOUNCER_TAG } from '../../../lib/content/features/keyboard/announcer';
import { TAG_PROMPT_TAG } from '../../../lib/content/features/keyboard/tag-prompt';
import type { TriageLibrary } from '../../../lib/content/features/keyboard/triage-library';
import { DEFAULT_KEYBOARD_SETTINGS, type KeyboardSettings } from '../../../lib/settings/keyboard';
import { fakeSetting, layOutEntries, press, startOnDaily, TRIMMED_IDS, activeHarness } from './feature-harness';


function fakeTriage() {
  const calls: string[] = [];
  const triage: TriageLibrary = {
    toggleRead: async (entry) => {
      calls.push(`read ${entry.paper.id}`);
      return `Marked read: “${entry.paper.title}”.`;
    },
    addTag: async (entry, tag) => {
      calls.push(`tag ${entry.paper.id} ${tag}`);
      return `Tagged ${tag}`;
    },
    tagSuggestions: async () => ['to-read', 'reading-group'],
  };
  return { triage, calls };
}

async function start(settings: KeyboardSettings = DEFAULT_KEYBOARD_SETTINGS) {
  const setting = fakeSetting(settings);
  const { triage, calls } = fakeTriage();
  const opened: string[] = [];
  const visited: string[] = [];
  const harness = await startOnDaily((context) => [
    keyboardFeature(context, { setting, triage, open: (url) => opened.push(url), onVisit: (entry) => visited.push(entry.paper.id) }),
  ]);
  layOutEntries(harness.paperlight.annotator.entries().map((entry) => entry.root));
  return { harness, setting, calls, opened, visited };
}

const currentId = () => document.querySelector(`[${CURRENT_ATTRIBUTE}]`)?.getAttribute('data-paperlight-id');
const announced = async () => {
  await new Promise((resolve) => setTimeout(resolve, 40));
  return document.querySelector(ANNOUNCER_TAG)?.shadowRoot?.textContent ?? '';
};

describe('keyboard triage', () => {
  it('moves through the entries with j and k, one current entry at a time, and says where it is', async () => {
    const { visited } = await start();
    expect(press('j').defaultPrevented).toBe(true);
    expect(currentId()).toBe(TRIMMED_IDS[0]);
    press('j');
    expect(currentId()).toBe(TRIMMED_IDS[1]);
    expect(document.querySelectorAll(`[${CURRENT_ATTRIBUTE}]`)).toHaveLength(1);
    expect(await announced()).toMatch(/^2 of 3: .+\. Not saved\.$/);
    press('j');
    press('j'); // past the end: stays, and says so
    expect(currentId()).toBe(TRIMMED_IDS[2]);
    expect(await announced()).toMatch(/Last entry\.$/);
    press('k');
    expect(currentId()).toBe(TRIMMED_IDS[1]);
    expect(visited).toEqual([TRIMMED_IDS[0], TRIMMED_IDS[1], TRIMMED_IDS[2], TRIMMED_IDS[2], TRIMMED_IDS[1]]);
  });

  it('starts from the first entry on screen', async () => {
    await start();
    // The page is scrolled: the first entry is above the screen, the second partly on it.
    const roots = activeHarness().paperlight.annotator.entries().map((entry) => entry.root);
    roots.forEach((root, i) => {
      (root as HTMLElement).getBoundingClientRect = () => ({ top: 200 * i - 300, bottom: 200 * i - 120, height: 180 }) as DOMRect;
    });
    press('j');
    expect(currentId()).toBe(TRIMMED_IDS[1]);
  });

  it('saves and unsaves the current entry with s, and announces the outcome', async () => {
    const { harness } = await start();
    press('j');
    press('j');
    press('s');
    await harness.settle();
    expect(harness.background.saved.has(TRIMMED_IDS[1]!)).toBe(true);
    expect(await announced()).toMatch(/^Saved “/);
    press('s');
    await harness.settle();
    expect(harness.background.saved.has(TRIMMED_IDS[1]!)).toBe(false);
    expect(await announced()).toMatch(/^Removed from the library: “/);
  });

  it('says a failed save failed', async () => {
    const { harness } = await start();
    harness.background.failWith = 'disk full';
    press('j');
    press('s');
    await harness.settle();
    expect(await announced()).toMatch(/^Could not save “.+”: disk full/);
  });

  it('marks read, opens, and asks for a tag with suggestions; Enter adds it, Escape cancels', async () => {
    const { calls, opened } = await start();
    press('r');
    expect(await announced()).toMatch(/^No entry chosen: press j first\./);
    press('j');
    press('r');
    expect(await announced()).toMatch(/^Marked read/);
    press('o');
    expect(opened).toEqual([`https://huggingface.co/papers/${TRIMMED_IDS[0]}`]);

    press('t');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const prompt = document.querySelector(TAG_PROMPT_TAG)!.shadowRoot!;
    const input = prompt.querySelector('input')!;
    expect([...prompt.querySelectorAll('option')].map((option) => option.value)).toEqual(['to-read', 'reading-group']);
    // Keys typed into the prompt are text, not triage keys.
    expect(press('j', {}, input).defaultPrevented).toBe(false);
    expect(currentId()).toBe(TRIMMED_IDS[0]);
    input.value = '  to-read ';
    prompt.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector(TAG_PROMPT_TAG)).toBeNull();

    press('t');
    await new Promise((resolve) => setTimeout(resolve, 0));
    press('Escape', {}, document.querySelector(TAG_PROMPT_TAG)!.shadowRoot!.querySelector('input')!);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector(TAG_PROMPT_TAG)).toBeNull();
    expect(await announced()).toBe('Tagging cancelled.');
    expect(calls).toEqual([`read ${TRIMMED_IDS[0]}`, `tag ${TRIMMED_IDS[0]} to-read`]);
  });

  it.each([
    ['an input', () => document.body.appendChild(Object.assign(document.createElement('input'), { type: 'text' }))],
    ['a search field', () => document.body.appendChild(Object.assign(document.createElement('input'), { type: 'search' }))],
    ['a text area', () => document.body.appendChild(document.createElement('textarea'))],
    ['a select', () => document.body.appendChild(document.createElement('select'))],
    ['an editable region', () => {
      const div = document.body.appendChild(document.createElement('div'));
      div.setAttribute('contenteditable', 'true');
      return div.appendChild(document.createElement('span'));
    }],
    ['a role=textbox widget', () => {
      const div = document.body.appendChild(document.createElement('div'));
      div.setAttribute('role', 'textbox');
      return div;
    }],
    ['an input inside a shadow root', () => {
      const host = document.body.appendChild(document.createElement('div'));
      return host.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    }],
  ])('leaves keys alone while typing in %s', async (_name, makeTarget) => {
    await start();
    const target = makeTarget();
    const event = press('j', {}, target);
    expect(event.defaultPrevented).toBe(false);
    expect(currentId()).toBeUndefined();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser, but takes them from a checkbox', async () => {
    await start();
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) expect(press('j', { [modifier]: true }).defaultPrevented).toBe(false);
    expect(currentId()).toBeUndefined();
    const checkbox = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'checkbox' }));
    expect(press('j', {}, checkbox).defaultPrevented).toBe(true);
  });

  it('follows the configured keys, and stops when turned off', async () => {
    const { setting } = await start();
    setting.change({ enabled: true, keys: { ...DEFAULT_KEYBOARD_SETTINGS.keys, next: 'n', previous: 'p' } });
    expect(press('j').defaultPrevented).toBe(false);
    press('n');
    expect(currentId()).toBe(TRIMMED_IDS[0]);
    setting.change({ ...DEFAULT_KEYBOARD_SETTINGS, enabled: false });
    expect(currentId()).toBeUndefined();
    expect(press('n').defaultPrevented).toBe(false);
  });

  it('leaves pages without entries alone', async () => {
    await start();
    activeHarness().paperlight.annotator.clear();
    expect(press('j').defaultPrevented).toBe(false);
  });

  it('removes its marks when the script ends', async () => {
    await start();
    press('j');
    await announced();
    activeHarness().controller.abort();
    expect(document.querySelector(`[${CURRENT_ATTRIBUTE}]`)).toBeNull();
    expect(document.querySelector(ANNOUNCER_TAG)).toBeNull();
  });
});
