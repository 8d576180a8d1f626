import { useEffect, useState } from 'preact/hooks';
import { roleNames } from '../../../domain/roles.js';
import { api, setUnauthorisedHandler } from '../api.js';
import { type FieldError, failureMessage } from '../errors.js';
import { useI18n } from '../i18n.js';
import { Link, match, navigate } from '../router.js';
import { Alert, Button, ErrorSummary, errorFor, PageTitle, Progress, TextField, useTitle } from '../ui.js';
import { BudgetsPage, MailboxPage, ReportsPage } from './office.js';
import { PaymentsPage } from './payments.js';
import { type Session, sessionFromToken, useSession, writeSession } from './session.js';
import { TaskPage } from './task.js';
import { TasksPage } from './tasks.js';

let sessionEnded = false;
setUnauthorisedHandler(() => {
  sessionEnded = true;
  writeSession(undefined);
});

function SignIn() {
  const { t } = useI18n();
  useTitle(t.staffTitle);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(sessionEnded ? t.sessionEnded : undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!username.trim()) problems.push({ field: 'username', message: t.err.username.missing });
    if (!password) problems.push({ field: 'password', message: t.err.password.missing });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api<{ access_token: string; expires_in: number }>('POST', '/auth/local/token', {
      body: { username: username.trim(), password },
    });
    setBusy(false);
    if (res.ok) {
      const session = sessionFromToken(res.data.access_token, res.data.expires_in);
      sessionEnded = false;
      writeSession(session);
    } else if (res.kind === 'http' && res.status === 401) setFailure(t.signInFailed);
    else setFailure(failureMessage(t, res));
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {failure && (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{failure}</p>
        </Alert>
      )}
      <PageTitle>{t.staffTitle}</PageTitle>
      <p>{t.staffIntro}</p>
      <form noValidate onSubmit={submit} class="narrow">
        <TextField
          id="username"
          label={t.username}
          autocomplete="username"
          width="medium"
          error={errorFor(errors, 'username')}
          value={username}
          onInput={setUsername}
        />
        <TextField
          id="password"
          label={t.password}
          type="password"
          autocomplete="current-password"
          width="medium"
          error={errorFor(errors, 'password')}
          value={password}
          onInput={setPassword}
        />
        <Button busy={busy} busyText={t.signingIn}>
          {t.signIn}
        </Button>
        <Progress active={busy} text={t.signingIn} />
      </form>
      <p class="hint">{t.demoHint}</p>
    </>
  );
}

const sections = [
  { page: 'tasks', roles: ['clerk', 'reviewer', 'head', 'commission', 'finance', 'admin', 'auditor'] },
  { page: 'payments', roles: ['finance', 'auditor'] },
  { page: 'budgets', roles: ['finance', 'head', 'admin', 'auditor'] },
  { page: 'reports', roles: ['head', 'finance', 'admin', 'auditor'] },
  { page: 'mailbox', roles: ['clerk', 'reviewer', 'head', 'commission', 'finance', 'admin', 'auditor'] },
] as const;

function StaffNav({ session, current }: { session: Session; current: string }) {
  const { t, lang } = useI18n();
  const names: Record<string, string> = {
    tasks: t.navTasks,
    payments: t.navPayments,
    budgets: t.navBudgets,
    reports: t.navReports,
    mailbox: t.navMailbox,
  };
  const roles = session.roles
    .map((r) => (roleNames as Record<string, Record<string, string>>)[r]?.[lang] ?? r)
    .join(', ');
  return (
    <div class="staff-bar">
      <nav aria-label={t.staffNav}>
        <ul class="staff-nav">
          {sections
            .filter((s) => s.roles.some((r) => session.roles.includes(r)))
            .map((s) => (
              <li key={s.page}>
                <Link href={`/staff/${s.page}`} aria-current={current === s.page ? 'page' : undefined}>
                  {names[s.page]}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <p class="staff-who">
        {t.signedInAs(session.username, roles)}{' '}
        <Button
          kind="link"
          type="button"
          onClick={() => {
            writeSession(undefined);
            navigate('/staff');
          }}
        >
          {t.signOut}
        </Button>
      </p>
    </div>
  );
}

export function StaffArea({ path }: { path: string }) {
  const session = useSession();
  const { t } = useI18n();
  const page = match('/staff/:page', path)?.page ?? match('/staff/:page/:id', path)?.page ?? 'tasks';
  const id = match('/staff/:page/:id', path)?.id;
  useEffect(() => {
    if (session && path === '/staff') navigate('/staff/tasks', { replace: true });
  }, [session, path]);
  if (!session) return <SignIn />;
  const section = sections.find((s) => s.page === page);
  const allowed = section ? section.roles.some((r) => session.roles.includes(r)) : false;
  return (
    <>
      <StaffNav session={session} current={page} />
      {!allowed ? (
        <Alert kind="warning">{t.noRole}</Alert>
      ) : page === 'tasks' && id ? (
        <TaskPage session={session} taskId={id} />
      ) : page === 'tasks' ? (
        <TasksPage session={session} />
      ) : page === 'payments' ? (
        <PaymentsPage session={session} />
      ) : page === 'budgets' ? (
        <BudgetsPage session={session} />
      ) : page === 'reports' ? (
        <ReportsPage session={session} />
      ) : (
        <MailboxPage session={session} />
      )}
    </>
  );
}
