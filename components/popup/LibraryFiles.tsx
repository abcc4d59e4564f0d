import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '../../lib/library/export';
import type { LibrarySort } from '../../lib/messaging/requests/library';
import { describeImport, exportLibrary, importBackupFile } from './library-files';
import { pure } from './pure';

/** `progress`: share of the work done (0 to 1) while an export is being written. */
type Message = { kind: 'status' | 'problem'; text: string; progress?: number };

/**
 * Export (the whole library or the current search, in each format) and Import (a JSON backup). What
 * happened is said below the buttons: the export's file name and size, or the restore's report or problem.
 */
export const LibraryFiles = pure(function LibraryFiles({
  query,
  sort,
  total,
  matching,
  inTab,
  onImported,
}: {
  query: string;
  sort: LibrarySort;
  total: number | undefined;
  matching: number | undefined;
  inTab: boolean;
  onImported: () => void;
}) {
  const [open, setOpen] = useState<'export' | undefined>(undefined);
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const filtered = query !== '' && scope === 'filter';

  const runExport = async (format: ExportFormat) => {
    setBusy(true);
    const count = filtered ? matching : total;
    const preparing = `Preparing the export of ${(count ?? 0).toLocaleString('en')} ${count === 1 ? 'paper' : 'papers'}…`;
    setMessage({ kind: 'status', text: preparing });
    const outcome = await exportLibrary(format, { query: filtered ? query : '', sort }, {
      onProgress: (done) => done < 1 && setMessage({ kind: 'status', text: preparing, progress: done }),
    });
    setBusy(false);
    if (!outcome.ok) setMessage({ kind: 'problem', text: outcome.error });
    else {
      const { filename, count } = outcome.file;
      setMessage({ kind: 'status', text: `Exported ${count.toLocaleString('en')} ${count === 1 ? 'paper' : 'papers'} to ${filename}.` });
      setOpen(undefined);
    }
  };

  const runImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage({ kind: 'status', text: `Checking and restoring ${file.name}…` });
    const outcome = await importBackupFile(file);
    setBusy(false);
    setMessage({ kind: outcome.imported ? 'status' : 'problem', text: describeImport(outcome) });
    if (fileInput.current) fileInput.current.value = '';
    if (outcome.imported) onImported();
  };

  return (
    <div class="library-files">
      <div class="library-files-buttons">
        <button type="button" data-paperlight-action="export" aria-expanded={open === 'export' ? 'true' : 'false'} disabled={!total} onClick={() => setOpen(open === 'export' ? undefined : 'export')}>
          Export
        </button>
        <button type="button" data-paperlight-action="import" disabled={busy} onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-paperlight-field="backup-file"
          aria-label="Backup file to restore"
          onChange={(event) => void runImport(event.currentTarget.files?.[0])}
        />
        {!inTab && (
          <button
            type="button"
            class="link-button"
            aria-label="Open the library in a tab"
            title="Open the library in a tab (more room; in Firefox, import from there: it closes popups while a file is chosen)"
            onClick={() => void openInTab()}
          >
            ↗
          </button>
        )}
      </div>
      {open === 'export' && (
        <div class="export-menu" role="group" aria-label="Export">
          {query !== '' && (
            <fieldset class="export-scope">
              <legend>Export</legend>
              <label>
                <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> the whole library ({(total ?? 0).toLocaleString('en')})
              </label>
              <label>
                <input type="radio" name="export-scope" data-paperlight-field="export-filtered" checked={scope === 'filter'} onChange={() => setScope('filter')} /> this search ({(matching ?? 0).toLocaleString('en')})
              </label>
            </fieldset>
          )}
          <ul class="export-formats">
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <button type="button" data-paperlight-export={format} disabled={busy} onClick={() => void runExport(format)}>
                  {EXPORT_FORMAT_LABELS[format]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p class={message.kind === 'problem' ? 'files-problem' : 'files-status'} role={message.kind === 'problem' ? 'alert' : 'status'} data-paperlight-files-message={message.kind}>
          {message.text}
          {message.progress !== undefined && (
            <progress class="files-progress" data-paperlight-files-progress="" max={1} value={message.progress} aria-label="Export written so far">
              {Math.floor(message.progress * 100)}%
            </progress>
          )}
        </p>
      )}
    </div>
  );
});

async function openInTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tab') });
  window.close();
}
