import { useMemo, useState } from 'preact/hooks';
import { TOPICS } from '../../lib/extract';
import { watchSetting } from '../../lib/settings/watch';
import { ruleProblem } from '../../lib/watch/match';
import { MAX_RULES, newRuleId, WATCH_KINDS, watchKindLabel, type WatchKind, type WatchRule, type WatchSettings } from '../../lib/watch/rules';
import { CheckboxRow, Loading, SaveError } from './controls';
import './options.css';
import { useSetting } from './use-setting';

const PLACEHOLDERS: Record<WatchKind, string> = {
  keyword: 'diffusion, reward model, "RL"',
  regex: '\\bLLMs?\\b',
  author: 'Yann LeCun',
  benchmark: 'SWE-bench',
  topic: '',
};

const HINTS: Record<WatchKind, string> = {
  keyword: 'Matches words that start with it, in the title or abstract; in quotes, only that exact word.',
  regex: 'Case-insensitive, over the title and abstract. Look-arounds and back-references are not supported.',
  author: 'Any way a listing writes the name: “Y. LeCun”, “LeCun, Yann”, accents or not.',
  benchmark: 'A benchmark or dataset, as Paperlight names it or as written in the abstract.',
  topic: 'One of the topics Paperlight recognises.',
};

/**
 * Watch rules (issue 6): entries of a listing that match a rule are outlined and labelled "Watch", and the
 * toolbar icon counts them. Rules are checked as they are typed; one that cannot run says why and is not added.
 */
export function WatchRulesSection() {
  const { value: settings, save } = useSetting(watchSetting);
  const [error, setError] = useState<string>();
  if (!settings) return <Loading />;

  const store = async (next: WatchSettings) => setError(await save(next));
  const update = (id: string, change: Partial<WatchRule>) =>
    store({ ...settings, rules: settings.rules.map((rule) => (rule.id === id ? { ...rule, ...change } : rule)) });

  return (
    <div data-paperlight-options="watch">
      <p class="opt-hint">
        Entries of a listing that match one of these rules get an outline and a “Watch” label saying why; the toolbar icon
        shows how many entries of the page match.
      </p>
      {settings.rules.length === 0 ? (
        <p class="opt-hint" data-paperlight-watch-empty>
          No watch rules yet.
        </p>
      ) : (
        <ul class="opt-list" aria-label="Watch rules">
          {settings.rules.map((rule) => (
            <RuleRow
              key={rule.id}
              rule={rule}
              onToggle={(enabled) => void update(rule.id, { enabled })}
              onRemove={() => void store({ ...settings, rules: settings.rules.filter((other) => other.id !== rule.id) })}
            />
          ))}
        </ul>
      )}
      {settings.rules.length < MAX_RULES ? (
        <AddRuleForm onAdd={(rule) => void store({ ...settings, rules: [...settings.rules, rule] })} />
      ) : (
        <p class="opt-hint">You have {MAX_RULES} rules, the most Paperlight keeps. Remove one to add another.</p>
      )}
      <CheckboxRow hook="watch-dim" checked={settings.dimOthers} onChange={(dimOthers) => void store({ ...settings, dimOthers })}>
        Dim the entries that match no rule (they come back on hover)
      </CheckboxRow>
      <SaveError error={error} />
    </div>
  );
}

function RuleRow({ rule, onToggle, onRemove }: { rule: WatchRule; onToggle(enabled: boolean): void; onRemove(): void }) {
  const problem = useMemo(() => ruleProblem(rule), [rule]);
  const shown = rule.kind === 'topic' ? (TOPICS.find((topic) => topic.id === rule.value)?.label ?? rule.value) : rule.value;
  return (
    <li data-paperlight-watch-rule={rule.id}>
      <div class="opt-row">
        <label>
          <input type="checkbox" checked={rule.enabled} onChange={(event) => onToggle(event.currentTarget.checked)} />
          <span class="pl-visually-hidden"> {rule.enabled ? 'On' : 'Off'}: </span>
        </label>
        <span class="opt-kind">{watchKindLabel(rule.kind)}</span>
        <span class="opt-rule-value">{shown}</span>
        <button type="button" class="opt-button" onClick={onRemove} aria-label={`Remove the rule ${watchKindLabel(rule.kind)} ${shown}`}>
          Remove
        </button>
      </div>
      {problem && rule.enabled && <p class="opt-error">This rule is skipped: {problem}</p>}
    </li>
  );
}

function AddRuleForm({ onAdd }: { onAdd(rule: WatchRule): void }) {
  const [kind, setKind] = useState<WatchKind>('keyword');
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const effective = kind === 'topic' ? value || TOPICS[0]?.id || '' : value;
  const problem = effective.trim() ? ruleProblem({ kind, value: effective.trim() }) : 'Type what to watch for.';
  const showProblem = touched && problem !== undefined;

  const submit = (event: Event) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    onAdd({ id: newRuleId(), kind, value: effective.trim(), enabled: true });
    setValue('');
    setTouched(false);
  };

  return (
    <form onSubmit={submit} data-paperlight-watch-form noValidate>
      <div class="opt-row">
        <label for="pl-watch-kind">Watch for</label>
        <select
          id="pl-watch-kind"
          data-paperlight-watch-kind
          value={kind}
          onChange={(event) => {
            setKind(event.currentTarget.value as WatchKind);
            setValue('');
            setTouched(false);
          }}
        >
          {WATCH_KINDS.map((option) => (
            <option key={option} value={option}>
              {watchKindLabel(option)}
            </option>
          ))}
        </select>
        {kind === 'topic' ? (
          <select aria-label="Topic" data-paperlight-watch-value value={effective} onChange={(event) => setValue(event.currentTarget.value)}>
            {TOPICS.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            aria-label={watchKindLabel(kind)}
            data-paperlight-watch-value
            placeholder={PLACEHOLDERS[kind]}
            value={value}
            spellcheck={false}
            aria-invalid={showProblem ? 'true' : 'false'}
            aria-describedby="pl-watch-hint pl-watch-problem"
            onInput={(event) => {
              setValue(event.currentTarget.value);
              setTouched(true);
            }}
          />
        )}
        <button type="submit" class="opt-button" data-paperlight-watch-add>
          Add rule
        </button>
      </div>
      <p class="opt-hint" id="pl-watch-hint">
        {HINTS[kind]}
      </p>
      <p class="opt-error" id="pl-watch-problem" role="status" data-paperlight-watch-problem>
        {showProblem ? problem : ''}
      </p>
    </form>
  );
}
