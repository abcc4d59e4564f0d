import { useEffect, useState } from 'preact/hooks';
import { syncSetting } from '../../lib/sync/settings';
import { loadSyncStatus, watchSyncStatus, type SyncStatus } from '../../lib/sync/status';
import { CheckboxRow, Loading, SaveError } from './controls';
import './options.css';
import { useSetting } from './use-setting';

/**
 * Sync between the user's browsers (issue 6): on or off, and what is synced and what stays here. The worker
 * writes the status after every run (lib/sync/run.ts); this section only shows it.
 */
export function SyncSection() {
  const { value: settings, save } = useSetting(syncSetting);
  const status = useSyncStatus();
  const [error, setError] = useState<string>();
  if (!settings) return <Loading />;

  return (
    <div data-paperlight-options="sync">
      <CheckboxRow hook="sync-enabled" checked={settings.enabled} onChange={async (enabled) => setError(await save({ enabled }))}>
        Sync my library between my browsers
      </CheckboxRow>
      <p class="opt-hint">
        Through the browser’s own sync (the account you are signed in to in this browser, Chrome or Firefox): saved papers with
        their tags and read state, and highlights. This browser keeps the full library either way; sync storage holds about
        100 KB, so a big library syncs its most recent changes and the rest stays here.
      </p>
      {settings.enabled && status && <SyncStatusView status={status} />}
      <SaveError error={error} />
    </div>
  );
}

function useSyncStatus(): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    const controller = new AbortController();
    void loadSyncStatus().then((loaded) => {
      if (!controller.signal.aborted) setStatus(loaded);
    });
    watchSyncStatus(setStatus, controller.signal);
    return () => controller.abort();
  }, []);
  return status;
}

const STATE_TEXT: Record<SyncStatus['state'], string> = {
  off: 'Starting…',
  idle: 'Up to date',
  syncing: 'Syncing…',
  waiting: 'Waiting',
  error: 'Not syncing',
};

export function SyncStatusView({ status }: { status: SyncStatus }) {
  const { papers, highlights } = status;
  const papersLeft = Math.max(0, papers.local - papers.synced);
  const highlightsLeft = Math.max(0, highlights.local - highlights.synced);
  const withoutTitles = Math.max(0, papers.synced - papers.withDetails);
  return (
    <div data-paperlight-sync-status={status.state} aria-live="polite">
      <dl class="opt-facts">
        <dt>Status</dt>
        <dd>
          {STATE_TEXT[status.state]}
          {status.lastSyncedAt !== undefined && status.state === 'idle' && <> · last synced {new Date(status.lastSyncedAt).toLocaleString()}</>}
          {status.retryAt !== undefined && status.state === 'waiting' && <> · tries again at {new Date(status.retryAt).toLocaleTimeString()}</>}
        </dd>
        <dt>Saved papers</dt>
        <dd data-paperlight-sync-papers>
          {papers.synced} of {papers.local} synced
          {withoutTitles > 0 && <>, {withoutTitles} of them without their titles (other browsers fill them in when the paper is seen again)</>}
        </dd>
        <dt>Highlights</dt>
        <dd>
          {highlights.synced} of {highlights.local} synced
        </dd>
        <dt>Sync storage</dt>
        <dd>
          <meter min={0} max={status.quotaBytes} value={status.bytes} aria-label="Sync storage used" /> {Math.round(status.bytes / 1024)} KB
          of {Math.round(status.quotaBytes / 1024)} KB
        </dd>
        <dt>Stays in this browser only</dt>
        <dd data-paperlight-sync-local-only>
          Notes and abstracts
          {papersLeft > 0 && <>; {papersLeft} older saved papers</>}
          {highlightsLeft > 0 && <>; {highlightsLeft} highlights</>}
          {' '}(they do not fit in the browser’s sync storage)
        </dd>
      </dl>
      {status.message && (
        <p class={status.state === 'error' ? 'opt-error' : 'opt-hint'} role={status.state === 'error' ? 'alert' : undefined}>
          {status.message}
        </p>
      )}
    </div>
  );
}
