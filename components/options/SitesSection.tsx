import { useEffect, useState } from 'preact/hooks';
import { isBuiltInHost, SITES } from '../../lib/sites';
import { grantedOrigins, releaseHostAccess, requestHostAccess, syncExtraHostScripts } from '../../lib/sites/extra-hosts';
import { parseExtraHost, sitesSetting } from '../../lib/settings/sites';
import { CheckboxRow, Loading, SaveError } from './controls';
import './options.css';
import { useSetting } from './use-setting';

/**
 * Where Paperlight runs (issue 4): each supported site on or off, and extra hosts (mirrors of a supported
 * site). Adding a host asks the browser for access to it right then, in the click; removing it gives the
 * access back. Pages on an extra host are annotated when they are built like a supported site's pages.
 */
export function SitesSection() {
  const { value: settings, save } = useSetting(sitesSetting);
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState('');
  const [draftProblem, setDraftProblem] = useState<string>();
  const [granted, setGranted] = useState<string[]>([]);

  useEffect(() => {
    if (settings) void grantedOrigins(settings.extraHosts).then(setGranted);
  }, [settings]);
  if (!settings) return <Loading />;

  const toggleSite = async (id: string, on: boolean) => {
    const disabled = on ? settings.disabled.filter((site) => site !== id) : [...settings.disabled, id];
    setError(await save({ ...settings, disabled }));
  };

  const addHost = async (event: Event) => {
    event.preventDefault();
    const origin = parseExtraHost(draft);
    if (!origin) return setDraftProblem('Type a host name such as mirror.example.edu, or an address starting with https://.');
    if (isBuiltInHost(new URL(origin).hostname)) return setDraftProblem('Paperlight already runs there: switch the site on above.');
    if (settings.extraHosts.includes(origin)) return setDraftProblem('That host is already in the list.');
    setDraftProblem(undefined);
    // The permission prompt must come from this click, before anything else is awaited.
    let allowed = false;
    try {
      allowed = await requestHostAccess(origin);
    } catch (problem) {
      return setError(`The browser did not ask for access: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
    if (!allowed) return setDraftProblem(`Access to ${origin} was not granted, so Paperlight cannot run there.`);
    const extraHosts = [...settings.extraHosts, origin];
    const saveError = await save({ ...settings, extraHosts });
    setError(saveError);
    if (!saveError) {
      setDraft('');
      setGranted(await syncExtraHostScripts(extraHosts));
    }
  };

  const removeHost = async (origin: string) => {
    const extraHosts = settings.extraHosts.filter((host) => host !== origin);
    const saveError = await save({ ...settings, extraHosts });
    setError(saveError);
    setGranted(await syncExtraHostScripts(extraHosts));
    await releaseHostAccess(origin);
  };

  return (
    <div data-paperlight-options="sites">
      {SITES.map((site) => (
        <CheckboxRow key={site.id} hook={`site-${site.id}`} checked={!settings.disabled.includes(site.id)} onChange={(on) => void toggleSite(site.id, on)}>
          {site.label} <span class="opt-hint">({site.examples})</span>
        </CheckboxRow>
      ))}
      <h3>Extra hosts</h3>
      <p class="opt-hint">
        A mirror or an institutional copy of a supported site. Paperlight asks the browser for access to the host when you add it,
        and uses it only to annotate pages built like a supported site’s.
      </p>
      {settings.extraHosts.length > 0 && (
        <ul class="opt-list" data-paperlight-extra-hosts>
          {settings.extraHosts.map((origin) => (
            <li key={origin} data-paperlight-extra-host={origin}>
              <span>{origin}</span>
              {!granted.includes(origin) && <span class="opt-error"> (no access: add it again to grant it)</span>}
              <button type="button" class="opt-button" onClick={() => void removeHost(origin)} aria-label={`Remove ${origin}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="opt-row" onSubmit={(event) => void addHost(event)}>
        <label>
          Host{' '}
          <input
            type="text"
            data-paperlight-extra-host-input
            value={draft}
            placeholder="mirror.example.edu"
            aria-invalid={draftProblem ? 'true' : undefined}
            aria-describedby={draftProblem ? 'extra-host-problem' : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" class="opt-button">
          Add host
        </button>
      </form>
      {draftProblem && (
        <p id="extra-host-problem" class="opt-error" role="alert">
          {draftProblem}
        </p>
      )}
      <SaveError error={error} />
    </div>
  );
}
