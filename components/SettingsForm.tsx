import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { DEFAULT_ARCHIVE_ENDPOINT } from '../core/archive/wayback';
import { errorMessage } from '../core/errors/cited-error';
import {
  checkArchiveEndpoint,
  checkMaxRequests,
  checkWatchInterval,
  endpointHost,
  MAX_REQUESTS,
  MIN_REQUESTS,
  PER_HOST_REQUESTS,
  type Settings,
} from '../core/settings/settings';
import { WATCH_INTERVAL_DAYS } from '../core/watch/schedule';
import './SettingsForm.css';

export interface SettingsFormProps {
  settings: Settings;
  /** Saves a change; rejects with the reason when it is refused. */
  onChange: (change: Partial<Settings>) => Promise<unknown>;
}

type Status = { kind: 'saved' | 'error'; text: string } | null;

/** Cited's settings, each saved as soon as it changes; typed values are checked before they are saved. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const [status, setStatus] = useState<Status>(null);
  const [endpoint, setEndpoint] = useState(settings.archiveEndpoint);
  const [endpointError, setEndpointError] = useState<string | null>(null);

  // Settings saved elsewhere (the panel's consent button) show up here too.
  useEffect(() => setEndpoint(settings.archiveEndpoint), [settings.archiveEndpoint]);

  const save = (change: Partial<Settings>, what: string) =>
    onChange(change).then(
      () => setStatus({ kind: 'saved', text: `Saved: ${what}` }),
      (error: unknown) => setStatus({ kind: 'error', text: errorMessage(error) }),
    );

  const saveEndpoint = (value: string) => {
    const checked = checkArchiveEndpoint(value);
    if (!checked.ok) {
      setEndpointError(checked.message);
      return;
    }
    setEndpointError(null);
    setEndpoint(checked.endpoint);
    if (checked.endpoint !== settings.archiveEndpoint)
      void save({ archiveEndpoint: checked.endpoint }, `archive address ${checked.endpoint}`);
  };

  const archiveOff = settings.neverContactThirdParties;

  return (
    <form class="settings-form" onSubmit={(event) => event.preventDefault()} data-settings-form>
      <Section title="Privacy">
        <Toggle
          name="neverContactThirdParties"
          label="Never contact third-party services"
          checked={settings.neverContactThirdParties}
          said={['no third-party services', 'third parties allowed']}
          onSave={save}
        >
          Cited then talks only to the sites an article cites, to check them. No archive lookups, whatever the
          setting below says.
        </Toggle>
        <Toggle
          name="archiveLookups"
          label="Look up archived copies at the Internet Archive"
          checked={settings.archiveLookups && !archiveOff}
          disabled={archiveOff}
          said={['archive lookups on', 'archive lookups off']}
          onSave={save}
        >
          When a cited source is gone (or when you ask), Cited sends its address and the article’s publication
          date (or the date a reference says its source was read) to {endpointHost(settings.archiveEndpoint)},
          to find the copy closest before then and the most recent one. Never the article, never your cookies.
          Off until you turn it on.
        </Toggle>
        <Field
          label="Archive address"
          error={endpointError}
          hint="Any Wayback-compatible archive answering /wayback/available, e.g. a self-hosted one."
        >
          {(id, describedBy) => (
            <div class="settings-form__inline">
              <input
                id={id}
                type="url"
                class="input settings-form__input"
                value={endpoint}
                disabled={archiveOff}
                spellcheck={false}
                autocomplete="off"
                aria-describedby={describedBy}
                aria-invalid={endpointError ? 'true' : undefined}
                onInput={(event) => {
                  setEndpoint(event.currentTarget.value);
                  setEndpointError(null);
                }}
                onChange={(event) => saveEndpoint(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') saveEndpoint(event.currentTarget.value);
                }}
                data-setting="archiveEndpoint"
              />
              <button
                type="button"
                class="button"
                disabled={archiveOff || settings.archiveEndpoint === DEFAULT_ARCHIVE_ENDPOINT}
                onClick={() => saveEndpoint(DEFAULT_ARCHIVE_ENDPOINT)}
              >
                Use archive.org
              </button>
            </div>
          )}
        </Field>
      </Section>

      <Section title="On the page">
        <Toggle
          name="pageMarkers"
          label="Show a status marker after each cited link"
          checked={settings.pageMarkers}
          said={['page markers on', 'page markers off']}
          onSave={save}
        >
          A small icon after each link the panel lists: alive, dead, redirected… A dead source’s marker links
          to its archived copy when there is one.
        </Toggle>
      </Section>

      <Section title="Checking">
        <Toggle
          name="autoCheck"
          label="Check links automatically when the panel opens"
          checked={settings.autoCheck}
          said={['automatic checks on', 'automatic checks off']}
          onSave={save}
        >
          Otherwise the panel waits for you to press “Check links”. Results are kept: a source found alive is
          not asked again for a day, any other for an hour, unless you re-check it.
        </Toggle>
        <NumberSetting
          name="maxRequests"
          label="Requests at once, over all sites"
          hint={`Between ${MIN_REQUESTS} and ${MAX_REQUESTS}. Each site is asked at most ${PER_HOST_REQUESTS} times at once, whatever this says.`}
          value={settings.maxRequests}
          range={[MIN_REQUESTS, MAX_REQUESTS]}
          check={checkMaxRequests}
          said={(value) => `${value} requests at once`}
          onSave={save}
        />
      </Section>

      <Section title="Watched articles">
        <NumberSetting
          name="watchIntervalDays"
          label="Re-check watched articles every … days"
          hint={`Between ${WATCH_INTERVAL_DAYS.min} and ${WATCH_INTERVAL_DAYS.max} days. Re-checks are spread over that time, never all at once; a source is called dead only after failing three checks at least three days apart.`}
          value={settings.watchIntervalDays}
          range={[WATCH_INTERVAL_DAYS.min, WATCH_INTERVAL_DAYS.max]}
          check={checkWatchInterval}
          said={(value) => `watched articles re-checked every ${value} ${value === 1 ? 'day' : 'days'}`}
          onSave={save}
        />
        <Toggle
          name="watchNotifications"
          label="Tell me when a source of a watched article breaks or loses a quotation"
          checked={settings.watchNotifications}
          said={['notifications on', 'notifications off']}
          onSave={save}
        >
          A browser notification such as “2 sources of ‘Article title’ broke; 1 no longer says what the
          article quotes”. Made in your browser: nothing is sent anywhere. Otherwise the toolbar badge and the
          library tell you.
        </Toggle>
      </Section>

      <p
        class={`settings-form__status${status?.kind === 'error' ? ' settings-form__status--error' : ''}`}
        role="status"
        aria-live="polite"
        data-settings-status
      >
        {status?.text}
      </p>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="settings-form__section">
      <legend class="settings-form__legend">{title}</legend>
      {children}
    </fieldset>
  );
}

type SwitchName = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

function Toggle({
  name,
  label,
  checked,
  disabled = false,
  said: [whenOn, whenOff],
  onSave,
  children,
}: {
  name: SwitchName;
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** What the status line says once it is saved: turned on, turned off. */
  said: [string, string];
  onSave: (change: Partial<Settings>, what: string) => unknown;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class={`settings-form__toggle${disabled ? ' settings-form__toggle--disabled' : ''}`}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        class="settings-form__switch"
        checked={checked}
        aria-checked={checked ? 'true' : 'false'}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          void onSave({ [name]: on }, on ? whenOn : whenOff);
        }}
        data-setting={name}
      />
      <div>
        <label for={id} class="settings-form__label">
          {label}
        </label>
        <p id={`${id}-hint`} class="settings-form__hint">
          {children}
        </p>
      </div>
    </div>
  );
}

type NumberName = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

/** A whole-number setting: checked as typed, saved when it changes and is valid, the reason shown when not. */
function NumberSetting({
  name,
  label,
  hint,
  value,
  range: [min, max],
  check,
  said,
  onSave,
}: {
  name: NumberName;
  label: string;
  hint: string;
  value: number;
  range: [number, number];
  check: (input: string) => { ok: true; value: number } | { ok: false; message: string };
  said: (value: number) => string;
  onSave: (change: Partial<Settings>, what: string) => unknown;
}) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // Saved elsewhere (another page): show it here too.
  useEffect(() => setText(String(value)), [value]);
  const commit = (input: string) => {
    const checked = check(input);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError(null);
    if (checked.value !== value) void onSave({ [name]: checked.value }, said(checked.value));
  };
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          class="input settings-form__input settings-form__input--number"
          min={min}
          max={max}
          step={1}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setError(null);
          }}
          onChange={(event) => commit(event.currentTarget.value)}
          data-setting={name}
        />
      )}
    </Field>
  );
}

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint: string;
  error: string | null;
  children: (id: string, describedBy: string) => ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="settings-form__field">
      <label for={id} class="settings-form__label">
        {label}
      </label>
      {children(id, `${id}-hint${error ? ` ${id}-error` : ''}`)}
      {error ? (
        <p id={`${id}-error`} class="settings-form__error" data-field-error>
          {error}
        </p>
      ) : null}
      <p id={`${id}-hint`} class="settings-form__hint">
        {hint}
      </p>
    </div>
  );
}
