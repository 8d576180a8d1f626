import type { ComponentChildren, InputHTMLAttributes, TargetedMouseEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from './errors.js';
import { useI18n } from './i18n.js';

/** GOV.UK-style building blocks: labels above inputs, hints, errors linked to fields. */

export function PageTitle({ children, caption }: { children: ComponentChildren; caption?: string }) {
  return (
    <>
      {caption && <span class="caption">{caption}</span>}
      <h1 id="page-title" tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

/** Moves focus to the page title and names the tab after it whenever `key` changes. */
export function useTitle(title: string, key: unknown = title): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t.serviceName}`;
  }, [title, t.serviceName]);
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: false });
  }, [key]);
}

/** A field the person may be typing in: the summary never takes focus from one of these mid-word. */
function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['submit', 'button', 'checkbox', 'radio'].includes(el.type);
}

/**
 * The error summary takes focus when it appears, and when its errors change after a send (focus
 * then is on the button); never because the page re-rendered while someone types into a field,
 * which on a phone closes the keyboard after every letter.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef({ content: '', lang });
  const content = errors.map((e) => `${e.field}\u0000${e.message}`).join('\u0001');
  useEffect(() => {
    const before = shown.current;
    shown.current = { content, lang };
    // The same problems said in the language just switched to: nothing new, the focus stays.
    if (content === '' || content === before.content || lang !== before.lang) return;
    if (before.content === '' || !isTyping(document.activeElement)) ref.current?.focus();
  }, [content, lang]);
  if (errors.length === 0) return null;
  const jump = (event: TargetedMouseEvent<HTMLAnchorElement>, field: string) => {
    event.preventDefault();
    const el = document.getElementById(field);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.message}>
            <a href={`#${e.field}`} onClick={(ev) => jump(ev, e.field)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date';
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  width?: 'short' | 'medium' | 'full';
  optional?: boolean;
  spellcheck?: boolean;
  lang?: string;
}

/** A field's label, marked when the answer may be left out. */
function FieldLabel(p: { id: string; label: string; optional?: boolean | undefined }) {
  const { t } = useI18n();
  return (
    <label for={p.id}>
      {p.label}
      {p.optional && <span class="optional"> {t.optional}</span>}
    </label>
  );
}

/** The hint and the error under a label, with the ids `describedBy` points the input at. */
function HintAndError(p: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {p.hint && (
        <div class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </div>
      )}
      {p.error && (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
    </>
  );
}

export function TextField(p: FieldProps) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <FieldLabel id={p.id} label={p.label} optional={p.optional} />
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <input
        id={p.id}
        name={p.id}
        class={`input input--${p.width ?? 'full'}`}
        // preact types `type` as a discriminated union; the value is one of the text-like types
        {...({ type: p.type ?? 'text' } as InputHTMLAttributes<HTMLInputElement>)}
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value)}
        autocomplete={p.autocomplete ?? 'off'}
        inputMode={p.inputMode}
        spellcheck={p.spellcheck ?? false}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
        lang={p.lang}
      />
    </div>
  );
}

export function TextArea(p: Omit<FieldProps, 'type' | 'inputMode' | 'width'> & { rows?: number }) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <FieldLabel id={p.id} label={p.label} optional={p.optional} />
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <textarea
        id={p.id}
        name={p.id}
        class="input"
        rows={p.rows ?? 5}
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value)}
        spellcheck={p.spellcheck ?? true}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
  lang?: string;
}

interface ChoicesProps {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly Choice[];
  /** Visually a page heading when the question is the whole page. */
  legendAsHeading?: boolean;
  small?: boolean;
}

function Fieldset(p: ChoicesProps & { children: ComponentChildren }) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset aria-describedby={describedBy(p.id, p.hint, p.error)}>
        <legend class={p.legendAsHeading ? 'legend--heading' : undefined}>{p.legend}</legend>
        <HintAndError id={p.id} hint={p.hint} error={p.error} />
        {p.children}
      </fieldset>
    </div>
  );
}

/**
 * Each option names the question's error (and its own hint): TalkBack often reads only the focused
 * option, not the fieldset's description.
 */
function choiceDescribedBy(p: ChoicesProps, itemHint?: string): string | undefined {
  return [p.error ? `${p.id}-error` : '', itemHint ?? ''].filter(Boolean).join(' ') || undefined;
}

/** The first option carries the fieldset's id, so the error summary can focus it. */
export function Radios(p: ChoicesProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Fieldset {...p}>
      <div class={`choices${p.small ? ' choices--small' : ''}`}>
        {p.choices.map((c, i) => {
          const id = i === 0 ? p.id : `${p.id}-${c.value}`;
          return (
            <div class="choice" key={c.value}>
              <input
                type="radio"
                id={id}
                name={p.id}
                value={c.value}
                checked={p.value === c.value}
                onChange={() => p.onChange(c.value)}
                aria-describedby={choiceDescribedBy(p, c.hint ? `${id}-item-hint` : undefined)}
                aria-invalid={p.error ? 'true' : undefined}
              />
              <label for={id} lang={c.lang}>
                {c.label}
              </label>
              {c.hint && (
                <div class="hint choice-hint" id={`${id}-item-hint`}>
                  {c.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Checkboxes(
  p: ChoicesProps & { values: readonly string[]; onChange: (values: string[]) => void },
) {
  const toggle = (value: string, on: boolean) =>
    p.onChange(on ? [...p.values.filter((v) => v !== value), value] : p.values.filter((v) => v !== value));
  return (
    <Fieldset {...p}>
      <div class="choices">
        {p.choices.map((c, i) => {
          const id = i === 0 ? p.id : `${p.id}-${c.value}`;
          return (
            <div class="choice choice--checkbox" key={c.value}>
              <input
                type="checkbox"
                id={id}
                name={p.id}
                value={c.value}
                checked={p.values.includes(c.value)}
                onChange={(e) => toggle(c.value, e.currentTarget.checked)}
                aria-describedby={choiceDescribedBy(p)}
                aria-invalid={p.error ? 'true' : undefined}
              />
              <label for={id}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/**
 * A date as day, month and year boxes (GOV.UK's pattern: no calendar widget to fight on a cheap
 * phone). Each box names the hint and the error, since TalkBack often reads only the focused box,
 * not its fieldset; the error's id is the day box's, which the error summary links to.
 */
export function DateInput(p: {
  /** Ids of the day, month and year boxes. */
  ids: readonly [string, string, string];
  values: readonly [string, string, string];
  onInput: (part: 'day' | 'month' | 'year', value: string) => void;
  legend: ComponentChildren;
  hintId: string;
  hint: string;
  error?: string | undefined;
  /** The person's own birth date (the browser may offer it); off for someone else's. */
  ownBirthDate?: boolean;
}) {
  const { t } = useI18n();
  const errorId = `${p.ids[0]}-error`;
  const describedBy = p.error ? `${p.hintId} ${errorId}` : p.hintId;
  const parts = [
    ['day', t.day, 'input--2'],
    ['month', t.month, 'input--2'],
    ['year', t.year, 'input--4'],
  ] as const;
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>{p.legend}</legend>
        <div class="hint" id={p.hintId}>
          {p.hint}
        </div>
        {p.error && (
          <p class="field-error" id={errorId}>
            {p.error}
          </p>
        )}
        <div class="date-input">
          {parts.map(([part, label, width], i) => (
            <div key={part}>
              <label for={p.ids[i]}>{label}</label>
              <input
                id={p.ids[i]}
                class={`input ${width}`}
                inputMode="numeric"
                autocomplete={p.ownBirthDate ? `bday-${part}` : 'off'}
                value={p.values[i]}
                onInput={(e) => p.onInput(part, e.currentTarget.value)}
                aria-describedby={describedBy}
                aria-invalid={p.error ? 'true' : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Select(p: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
}) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <FieldLabel id={p.id} label={p.label} />
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <select
        id={p.id}
        class="input input--medium"
        value={p.value}
        onChange={(e) => p.onChange(e.currentTarget.value)}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Button(p: {
  children: ComponentChildren;
  busy?: boolean;
  busyText?: string;
  kind?: 'primary' | 'secondary' | 'warning' | 'link';
  type?: 'submit' | 'button';
  onClick?: () => void;
  disabled?: boolean;
}) {
  // While busy the button keeps focus (a disabled one drops it to <body>, so a keyboard or
  // TalkBack user would start again from the top when the answer comes); a click or the Enter key
  // does nothing until the request has ended.
  const click = (event: TargetedMouseEvent<HTMLButtonElement>) => {
    if (p.busy) {
      event.preventDefault();
      return;
    }
    p.onClick?.();
  };
  return (
    <button
      type={p.type ?? 'submit'}
      class={`button button--${p.kind ?? 'primary'}`}
      onClick={click}
      disabled={p.disabled}
      aria-disabled={p.disabled || p.busy ? 'true' : undefined}
    >
      {p.busy ? (
        <>
          <span class="spinner" aria-hidden="true" />
          {p.busyText ?? p.children}
        </>
      ) : (
        p.children
      )}
    </button>
  );
}

/** Announces progress to screen readers while a request runs. */
export function Progress({ active, text }: { active: boolean; text: string }) {
  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {active ? text : ''}
    </p>
  );
}

export function Alert(p: {
  kind: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children: ComponentChildren;
  action?: ComponentChildren;
}) {
  // role=alert is announced when it is inserted; a status region is announced only when its
  // content changes after it is in the page, so its box comes a moment after the empty region
  // (a "Decision recorded" inserted already filled goes unheard by most screen readers).
  const [filled, setFilled] = useState(p.kind === 'error');
  useEffect(() => {
    if (filled) return;
    const timer = setTimeout(() => setFilled(true), statusDelayMs);
    return () => clearTimeout(timer);
  }, [filled]);
  const box = (
    <div class={`alert alert--${p.kind}`}>
      {p.title && <h2 class="alert-title">{p.title}</h2>}
      <div>{p.children}</div>
      {p.action && <div class="alert-action">{p.action}</div>}
    </div>
  );
  return p.kind === 'error' ? <div role="alert">{box}</div> : <div role="status">{filled && box}</div>;
}

/** Long enough for a screen reader to have noticed the empty live region, short enough to go unseen. */
const statusDelayMs = 100;

export function SummaryList({
  rows,
}: {
  rows: { key: string; value: ComponentChildren; action?: ComponentChildren }[];
}) {
  return (
    <dl class="summary">
      {rows.map((r) => (
        <div class="summary-row" key={r.key}>
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
          {r.action && <dd class="summary-action">{r.action}</dd>}
        </div>
      ))}
    </dl>
  );
}

export function Tag({
  children,
  tone,
}: {
  children: ComponentChildren;
  tone?: 'red' | 'green' | 'blue' | 'grey' | 'yellow';
}) {
  return <strong class={`tag tag--${tone ?? 'blue'}`}>{children}</strong>;
}

export function Pagination(p: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  if (p.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t.pagination}>
      <Button kind="secondary" type="button" disabled={p.page <= 1} onClick={() => p.onPage(p.page - 1)}>
        {t.previous}
      </Button>
      <span aria-current="page">{t.pageOf(p.page, p.pages)}</span>
      <Button
        kind="secondary"
        type="button"
        disabled={p.page >= p.pages}
        onClick={() => p.onPage(p.page + 1)}
      >
        {t.next}
      </Button>
    </nav>
  );
}

export function Unavailable() {
  const { t } = useI18n();
  return (
    <Alert kind="info" title={t.notAvailableTitle}>
      <p>{t.notAvailable}</p>
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      <span class="spinner spinner--dark" aria-hidden="true" />
      {t.loading}
    </p>
  );
}

/** A table that may scroll sideways (narrow screens, long words): keyboard users can focus it to scroll. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so it can be scrolled by keyboard (WCAG 2.1.1)
    <section class="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
