import { useState } from 'preact/hooks';
import { staffIdentitySchema, staffUsernameSchema } from '../../../domain/staff-identity.js';
import type { StaffIdentityRecorded, StaffIdentityStatus } from '../../../domain/staff-identity-responses.js';
import { api } from '../api.js';
import { type FieldError, failureMessage } from '../errors.js';
import { isoDateOrRaw, optionalText } from '../form-values.js';
import {
  Alert,
  Button,
  DateInput,
  ErrorSummary,
  errorFor,
  PageTitle,
  Progress,
  SummaryList,
  TextField,
  useTitle,
} from '../ui.js';
import type { Session } from './session.js';
import { type StaffI18n, useStaffI18n } from './staff-strings.js';

/**
 * Staff identities, for the administrator (`staff:write`, `staff:read`): who a member of staff is
 * as a person, so that segregation of duties recognises their own application
 * (PUT /v1/staff/{username}/identity), and whether that is recorded for a username
 * (GET /v1/staff/{username}/identity: when and by whom, never names or keys).
 *
 * The name, date of birth and national ID live only in this component's state while they are
 * typed: never in sessionStorage (no draft, unlike the appeal form), and they are cleared once
 * recorded, so the page shows what was recorded without them.
 */

interface IdentityDraft {
  username: string;
  fullName: string;
  day: string;
  month: string;
  year: string;
  nationalId: string;
}

const emptyDraft: IdentityDraft = {
  username: '',
  fullName: '',
  day: '',
  month: '',
  year: '',
  nationalId: '',
};

/** The personal fields gone, the username kept (it names the record, not the person). */
const withoutPerson = (d: IdentityDraft): IdentityDraft => ({ ...emptyDraft, username: d.username });

type Messages = StaffI18n['t'];

/** The form's input for a field the schema (or the server's problem) names. */
function fieldOf(path: readonly PropertyKey[] | string): string {
  const head = String((typeof path === 'string' ? path.split('.') : path)[0] ?? '');
  if (head === 'fullName') return 'identityFullName';
  if (head === 'birthDate') return 'identityDay';
  if (head === 'nationalId') return 'identityNationalId';
  return 'identityUsername';
}

function messageFor(t: Messages, field: string, fullName: string): string {
  const e = t.identityErrors;
  if (field === 'identityFullName') return fullName.trim() === '' ? e.fullName : e.fullNameInvalid;
  if (field === 'identityDay') return e.birthDate;
  if (field === 'identityNationalId') return e.nationalId;
  return e.username;
}

/** One message per field, in the order of the form. */
function firstPerField(problems: FieldError[]): FieldError[] {
  const order = ['identityUsername', 'identityFullName', 'identityDay', 'identityNationalId'];
  const seen = new Set<string>();
  return problems
    .filter((p) => !seen.has(p.field) && Boolean(seen.add(p.field)))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

export function StaffIdentitiesPage({ session }: { session: Session }) {
  const { t, dateTime } = useStaffI18n();
  useTitle(t.staffIdentitiesTitle);
  const [errors, setErrors] = useState<FieldError[]>([]);

  // Check a username
  const [checkUsername, setCheckUsername] = useState('');
  const [checking, setChecking] = useState(false);
  const [status, setStatus] = useState<StaffIdentityStatus | undefined>();
  const [checkFailure, setCheckFailure] = useState<string | undefined>();

  // Record an identity
  const [d, setD] = useState<IdentityDraft>(emptyDraft);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<StaffIdentityRecorded | undefined>();
  const [saveFailure, setSaveFailure] = useState<string | undefined>();
  const set = (k: keyof IdentityDraft) => (value: string) => setD((current) => ({ ...current, [k]: value }));
  const err = (id: string) => errorFor(errors, id);

  const check = async (e: Event) => {
    e.preventDefault();
    const username = staffUsernameSchema.safeParse(checkUsername.trim());
    if (!username.success) {
      setErrors([{ field: 'checkUsername', message: t.identityErrors.username }]);
      return;
    }
    setErrors([]);
    setChecking(true);
    setCheckFailure(undefined);
    setStatus(undefined);
    const res = await api<StaffIdentityStatus>(
      'GET',
      `/v1/staff/${encodeURIComponent(username.data)}/identity`,
      { token: session.token },
    );
    setChecking(false);
    if (res.ok) setStatus(res.data);
    else if (res.kind === 'http' && res.status === 400)
      setErrors([{ field: 'checkUsername', message: t.identityErrors.username }]);
    else setCheckFailure(failureMessage(t, res));
  };

  const record = async (e: Event) => {
    e.preventDefault();
    const username = staffUsernameSchema.safeParse(d.username.trim());
    const body = {
      fullName: d.fullName,
      birthDate: isoDateOrRaw(d.day, d.month, d.year),
      nationalId: optionalText(d.nationalId),
    };
    const identity = staffIdentitySchema.safeParse(body);
    const problems = firstPerField([
      ...(username.success ? [] : [{ field: 'identityUsername', message: t.identityErrors.username }]),
      ...(identity.success
        ? []
        : identity.error.issues.map((issue) => {
            const field = fieldOf(issue.path);
            return { field, message: messageFor(t, field, d.fullName) };
          })),
    ]);
    setErrors(problems);
    if (problems.length > 0 || !username.success || !identity.success) return;
    setSaving(true);
    setSaveFailure(undefined);
    setSaved(undefined);
    const res = await api<StaffIdentityRecorded>(
      'PUT',
      `/v1/staff/${encodeURIComponent(username.data)}/identity`,
      { token: session.token, body: identity.data },
    );
    setSaving(false);
    if (res.ok) {
      setSaved(res.data);
      setD(withoutPerson);
      // A check shown for this username is out of date now.
      if (status?.username === res.data.username) setStatus(undefined);
      return;
    }
    if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        firstPerField(
          res.problem.errors.map((pe) => {
            const field = fieldOf(pe.path);
            return { field, message: messageFor(t, field, d.fullName) };
          }),
        ),
      );
    } else setSaveFailure(failureMessage(t, res));
  };

  const birthError = err('identityDay');
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageTitle>{t.staffIdentitiesTitle}</PageTitle>
      <p>{t.staffIdentitiesIntro}</p>

      <section aria-labelledby="identity-check-title">
        <h2 id="identity-check-title">{t.identityCheckTitle}</h2>
        <form class="search-form" noValidate onSubmit={check}>
          <TextField
            id="checkUsername"
            label={t.username}
            hint={t.identityUsernameHint}
            width="medium"
            value={checkUsername}
            onInput={setCheckUsername}
            error={err('checkUsername')}
          />
          <Button kind="secondary" busy={checking} busyText={t.identityChecking}>
            {t.identityCheck}
          </Button>
          <Progress active={checking} text={t.identityChecking} />
        </form>
        <div data-testid="identity-status">
          {checkFailure && (
            <Alert kind="error" title={t.errorSummaryTitle}>
              <p>{checkFailure}</p>
            </Alert>
          )}
          {status?.recorded && (
            <Alert kind="info">
              <p>
                {t.identityRecordedOn(
                  status.username,
                  status.updatedAt ? dateTime(status.updatedAt) : '',
                  status.updatedBy ?? '',
                  t.identityPersonKeysCount(status.personKeys),
                )}
              </p>
            </Alert>
          )}
          {status && !status.recorded && (
            <Alert kind="warning">
              <p>{t.identityNotRecorded(status.username)}</p>
            </Alert>
          )}
        </div>
      </section>

      <section aria-labelledby="identity-record-title" class="decision-panel">
        <h2 id="identity-record-title">{t.identityRecordTitle}</h2>
        <p class="hint">{t.identityRecordHint}</p>
        {saveFailure && (
          <Alert kind="error" title={t.errorSummaryTitle}>
            <p>{saveFailure}</p>
          </Alert>
        )}
        {saved && (
          <div data-testid="identity-saved">
            <Alert kind="success" title={t.identitySavedTitle(saved.username)}>
              <p>{t.identitySaved}</p>
            </Alert>
            <SummaryList
              rows={[
                { key: t.username, value: saved.username },
                { key: t.identityPersonKeys, value: String(saved.personKeys) },
                { key: t.identityRecordedAt, value: dateTime(saved.updatedAt) },
              ]}
            />
          </div>
        )}
        <form noValidate onSubmit={record}>
          <TextField
            id="identityUsername"
            label={t.username}
            hint={t.identityUsernameHint}
            width="medium"
            value={d.username}
            onInput={set('username')}
            error={err('identityUsername')}
          />
          <TextField
            id="identityFullName"
            label={t.fullName}
            hint={t.identityFullNameHint}
            value={d.fullName}
            onInput={set('fullName')}
            error={err('identityFullName')}
          />
          <DateInput
            ids={['identityDay', 'identityMonth', 'identityYear']}
            values={[d.day, d.month, d.year]}
            onInput={(part, value) => set(part)(value)}
            legend={t.birthDate}
            hintId="identityBirth-hint"
            hint={t.birthDateHint}
            error={birthError}
          />
          <TextField
            id="identityNationalId"
            label={t.identityNationalId}
            hint={t.identityNationalIdHint}
            optional
            width="medium"
            value={d.nationalId}
            onInput={set('nationalId')}
            error={err('identityNationalId')}
          />
          <Button busy={saving} busyText={t.identitySaving}>
            {t.identitySave}
          </Button>
          <Progress active={saving} text={t.identitySaving} />
        </form>
      </section>
    </>
  );
}
