import { useEffect, useState } from 'preact/hooks';
import { referenceSchema } from '../../../domain/reference.js';
import { api } from '../api.js';
import { runtimeConfig } from '../config.js';
import { type FieldError, localise } from '../errors.js';
import { languageNames } from '../i18n.js';
import {
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Pagination,
  TextField,
  Unavailable,
  useTitle,
} from '../ui.js';
import { Failed, useResource } from './resource.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * The local mailbox: what the system "sent" to applicants while running locally (GET
 * /local/mailbox). In AWS the messages go out by e-mail and SMS and there is no mailbox, so the
 * desk offers this page only where the route answers.
 */
interface MailItem {
  notificationId: string;
  reference: string;
  channel: 'email' | 'sms';
  to: string;
  language: string;
  subject: string;
  text: string;
  at: string;
}

const isMailbox = (data: unknown): data is { items: MailItem[] } =>
  typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);

let probe: Promise<boolean> | undefined;

/** Whether this server has a local mailbox: asked once per page load, false in AWS. */
export function useMailboxAvailable(session: Session): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    probe ??= runtimeConfig().then(async (config) => {
      if (config.auth.kind !== 'local') return false;
      const res = await api<unknown>('GET', '/local/mailbox?reference=NONE', { token: session.token });
      // In AWS the path is not routed (a 403/404 from the CDN): only the local JSON answer counts.
      return res.ok && isMailbox(res.data);
    });
    let current = true;
    void probe.then((a) => current && setAvailable(a));
    return () => {
      current = false;
    };
  }, [session.token]);
  return available;
}

const pageSize = 10;

export function MailboxPage({ session }: { session: Session }) {
  const { t, dateTime, lang } = useStaffI18n();
  useTitle(t.mailboxTitle);
  const [reference, setReference] = useState('');
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [page, setPage] = useState(1);
  const mailbox = useResource<unknown>(
    session,
    `/local/mailbox${filter ? `?reference=${encodeURIComponent(filter)}` : ''}`,
  );
  const data = isMailbox(mailbox.data) ? mailbox.data : undefined;
  const items = data?.items ?? [];
  const shown = items.slice((page - 1) * pageSize, page * pageSize);

  const search = (e: Event) => {
    e.preventDefault();
    const ref = reference.trim().toUpperCase();
    if (ref) {
      const parsed = referenceSchema.safeParse(ref);
      if (!parsed.success) {
        setErrors([
          {
            field: 'mailboxReference',
            message: localise(t, 'reference', parsed.error.issues[0]?.message ?? '', ref),
          },
        ]);
        return;
      }
    }
    setErrors([]);
    setPage(1);
    setFilter(ref);
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <PageTitle>{t.mailboxTitle}</PageTitle>
      <p>{t.mailboxIntro}</p>
      <form class="inline-form" noValidate onSubmit={search}>
        <TextField
          id="mailboxReference"
          label={t.mailboxFilter}
          hint={t.mailboxFilterHint}
          width="medium"
          value={reference}
          onInput={setReference}
          error={errorFor(errors, 'mailboxReference')}
        />
        <Button kind="secondary">{t.showMessages}</Button>
      </form>
      {mailbox.failure && <Failed failure={mailbox.failure} onRetry={mailbox.reload} />}
      {mailbox.loading && <Loading />}
      {!mailbox.loading && !mailbox.failure && !data && <Unavailable />}
      {data && (
        <p role="status">{filter ? t.messagesFor(items.length, filter) : t.messageCount(items.length)}</p>
      )}
      {data && items.length === 0 && <p class="inset">{t.mailboxEmpty}</p>}
      <ul class="plain mailbox">
        {shown.map((m) => (
          <li class="card" key={m.notificationId}>
            <h2 lang={m.language}>{m.subject}</h2>
            <p class="muted">
              {t.channelNames[m.channel] ?? m.channel} · {t.to}: {m.to} · {t.sentAt}:{' '}
              <time dateTime={m.at}>{dateTime(m.at)}</time> · {m.reference} ·{' '}
              {languageNames[m.language as typeof lang] ?? m.language}
            </p>
            <p class="pre-wrap" lang={m.language}>
              {m.text}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={Math.ceil(items.length / pageSize)} onPage={setPage} />
    </>
  );
}
