import { useState } from 'preact/hooks';
import { type Language, languages } from '../../../domain/catalogue.js';
import { civilDateText } from '../../../domain/date-text.js';
import { can } from '../../../domain/permissions.js';
import { api } from '../api.js';
import { failureMessage, problemCode } from '../errors.js';
import { todayIso } from '../form-values.js';
import { Alert, Button, Loading, PageTitle, useTitle } from '../ui.js';
import { CursorPagination, Failed, useCursorPages } from './resource.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/** A letter of the print queue, as GET /v1/letters gives it (functions/use-cases/letters.ts). */
interface Letter {
  letterId: string;
  reference: string;
  at: string;
  language: string;
  text: string;
  recipient: { fullName: string; address?: string };
  /** In the letter's language: the office, the subject, how to ask without the internet. */
  sender?: string;
  subject?: string;
  footer?: string;
}

const letterLanguage = (letter: Letter): Language =>
  (languages as readonly string[]).includes(letter.language) ? (letter.language as Language) : 'ru';

/**
 * The office's post: letters to applicants who gave only a postal address. The clerk prints the
 * page (one letter to a sheet, the desk left out: styles.css `@media print`), posts them, and marks
 * each one posted, which takes it off the list.
 */
export function LettersPage({ session }: { session: Session }) {
  const { t, dateTime } = useStaffI18n();
  useTitle(t.lettersTitle);
  const today = todayIso();
  const pages = useCursorPages<Letter>(session, '/v1/letters', 20);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const mayPost = can(session.roles, 'letters:post');
  const letters = pages.data?.items ?? [];

  const markPosted = async (letter: Letter) => {
    setBusy(letter.letterId);
    setFailure(undefined);
    const res = await api('POST', `/v1/letters/${encodeURIComponent(letter.letterId)}/posted`, {
      token: session.token,
    });
    setBusy(undefined);
    if (res.ok) {
      setNotice(t.letterPosted(letter.reference, letter.recipient.fullName));
      pages.reload();
    } else if (problemCode(res) === 'letter_not_to_print') {
      setFailure(t.letterNoLongerToPrint(letter.reference));
      pages.reload();
    } else setFailure(failureMessage(t, res));
  };

  return (
    <>
      {notice && <Alert kind="success">{notice}</Alert>}
      {failure && <Alert kind="error">{failure}</Alert>}
      <PageTitle>{t.lettersTitle}</PageTitle>
      <p class="no-print">{t.lettersIntro}</p>
      {pages.failure && <Failed failure={pages.failure} onRetry={pages.reload} />}
      {pages.loading && <Loading />}
      {pages.data && letters.length === 0 && <p class="inset">{t.lettersEmpty}</p>}
      {letters.length > 0 && (
        <p class="no-print">
          <Button kind="secondary" type="button" onClick={() => print()}>
            {t.printLetters}
          </Button>
        </p>
      )}
      <ul class="plain letters">
        {letters.map((letter) => (
          <li class="card letter" key={letter.letterId}>
            <section aria-label={`${t.letterTo}: ${letter.recipient.fullName}`}>
              {letter.sender && (
                <p class="letter-sender" lang={letter.language}>
                  {letter.sender}
                  <br />
                  {/* The day it is printed: the day it goes in the post. */}
                  <span data-testid="letter-date">{civilDateText(today, letterLanguage(letter))}</span>
                </p>
              )}
              <p class="letter-recipient">
                <strong>{letter.recipient.fullName}</strong>
                {letter.recipient.address && (
                  <>
                    <br />
                    <span class="pre-wrap">{letter.recipient.address}</span>
                  </>
                )}
              </p>
              {!letter.recipient.address && (
                <Alert kind="warning">
                  <p>{t.letterNoAddress}</p>
                </Alert>
              )}
              <p class="muted">{t.letterMeta(letter.reference, dateTime(letter.at))}</p>
              {letter.subject && (
                <p lang={letter.language}>
                  <strong>{letter.subject}</strong>
                </p>
              )}
              <p class="pre-wrap" lang={letter.language}>
                {letter.text}
              </p>
              {letter.footer && <p lang={letter.language}>{letter.footer}</p>}
              {mayPost && (
                <Button
                  kind="secondary"
                  type="button"
                  busy={busy === letter.letterId}
                  busyText={t.saving}
                  onClick={() => void markPosted(letter)}
                >
                  {t.markPosted}
                  <span class="visually-hidden">
                    {' '}
                    {letter.reference}, {letter.recipient.fullName}
                  </span>
                </Button>
              )}
            </section>
          </li>
        ))}
      </ul>
      <div class="no-print">
        <CursorPagination pages={pages} />
      </div>
    </>
  );
}
