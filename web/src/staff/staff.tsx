import { useEffect, useState } from 'preact/hooks';
import { localeOf } from '../../../domain/catalogue.js';
import { type Action, can } from '../../../domain/permissions.js';
import { roleNames } from '../../../domain/roles.js';
import { api, setUnauthorisedHandler } from '../api.js';
import {
  finishSignIn,
  hostedUi,
  type Renewal,
  renewSignIn,
  revokeSignIn,
  signOutUrl,
  startSignIn,
} from '../auth/hosted-ui.js';
import { type RuntimeConfig, runtimeConfig } from '../config.js';
import { type FieldError, failureMessage } from '../errors.js';
import { Link, match, navigate, useLocation } from '../router.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Progress,
  TextField,
  useTitle,
} from '../ui.js';
import { BudgetGapAlerts, useBudgetGaps } from './budget-gaps.js';
import { BudgetsPage } from './budgets.js';
import { CasePage, CaseSearchPage } from './cases.js';
import { CatalogueAdminPage } from './catalogue-admin.js';
import { LettersPage } from './letters.js';
import { MailboxPage, useMailboxAvailable } from './mailbox.js';
import { BatchPage, PaymentsPage } from './payments.js';
import { RegisterAppealPage } from './register-appeal.js';
import { RepeatAppellantsPage } from './repeat-appellants.js';
import { ReportsPage } from './reports.js';
import { RulesPage } from './rules.js';
import {
  clearDrafts,
  type Session,
  sessionFromToken,
  useResumedSession,
  useSession,
  useSessionPhase,
  useSessionRenewal,
  writeSession,
} from './session.js';
import { StaffIdentitiesPage } from './staff-identities.js';
import { useStaffI18n, WithStaffStrings } from './staff-strings.js';
import { TaskPage } from './task.js';
import { TasksPage } from './tasks.js';

let sessionEnded = false;
setUnauthorisedHandler(() => {
  sessionEnded = true;
  writeSession(undefined);
});

function useRuntimeConfig(): RuntimeConfig | undefined {
  const [config, setConfig] = useState<RuntimeConfig | undefined>();
  useEffect(() => {
    void runtimeConfig().then(setConfig);
  }, []);
  return config;
}

function SignIn() {
  const config = useRuntimeConfig();
  if (!config) return <Loading />;
  return config.auth.kind === 'cognito' ? (
    <HostedUiSignIn domain={config.auth.domain} clientId={config.auth.clientId} />
  ) : (
    <LocalSignIn />
  );
}

/** In AWS: the Cognito hosted UI (password and MFA there), back at /auth/callback. */
function HostedUiSignIn(p: { domain: string; clientId: string }) {
  const { t, lang } = useStaffI18n();
  useTitle(t.staffTitle);
  const loc = useLocation();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {sessionEnded && (
        <Alert kind="info">
          <p>{t.sessionEnded}</p>
        </Alert>
      )}
      <PageTitle>{t.staffTitle}</PageTitle>
      <p>{t.staffIntro}</p>
      <p>{t.hostedUiIntro}</p>
      <Button
        type="button"
        busy={busy}
        busyText={t.signingIn}
        onClick={() => {
          setBusy(true);
          void startSignIn(hostedUi(p), lang, loc.path);
        }}
      >
        {t.signIn}
      </Button>
      <Progress active={busy} text={t.signingIn} />
    </>
  );
}

/** Locally: username and password against POST /auth/local/token (the demo staff). */
function LocalSignIn() {
  const { t } = useStaffI18n();
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
    const res = await api<{ access_token: string; expires_in: number; refresh_token?: string }>(
      'POST',
      '/auth/local/token',
      { body: { username: username.trim(), password } },
    );
    setBusy(false);
    if (res.ok) {
      const session = sessionFromToken(res.data.access_token, res.data.expires_in, res.data.refresh_token);
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

/** /auth/callback: the hosted UI sends the browser back here with a code to trade for a token. */
function AuthCallback() {
  const { t } = useStaffI18n();
  useTitle(t.staffTitle);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    void (async () => {
      const config = await runtimeConfig();
      if (config.auth.kind !== 'cognito') {
        navigate('/staff', { replace: true });
        return;
      }
      const result = await finishSignIn(hostedUi(config.auth), location.search);
      if (result.ok) {
        const session = sessionFromToken(result.accessToken, result.expiresIn, result.refreshToken);
        sessionEnded = false;
        writeSession(session);
        navigate(result.returnTo, { replace: true });
        return;
      }
      setProblem(
        result.reason === 'network'
          ? t.networkError
          : result.reason === 'denied'
            ? result.error === 'access_denied'
              ? t.signInDenied
              : result.error === 'temporarily_unavailable' || result.error === 'server_error'
                ? t.signInUnavailable
                : t.signInRefused(result.error ?? '')
            : t.signInExpired,
      );
    })();
  }, []);
  return (
    <>
      <PageTitle>{t.staffTitle}</PageTitle>
      {problem ? (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{problem}</p>
          <p>
            <Link href="/staff">{t.signInAgain}</Link>
          </p>
        </Alert>
      ) : (
        <Loading />
      )}
    </>
  );
}

/** The desk's sections and the permission (domain/permissions.ts) each needs; the mailbox is local only. */
const sections: readonly { page: string; action?: Action }[] = [
  { page: 'tasks', action: 'tasks:list' },
  { page: 'register-appeal', action: 'appeals:register-channel' },
  { page: 'cases', action: 'cases:search' },
  { page: 'repeat-appellants', action: 'appeals:repeat-appellants' },
  { page: 'payments', action: 'disbursements:list' },
  { page: 'letters', action: 'letters:list' },
  { page: 'budgets', action: 'budgets:read' },
  { page: 'reports', action: 'reports:read' },
  { page: 'rules', action: 'rules:read' },
  { page: 'catalogue', action: 'catalogue:write' },
  { page: 'staff-identities', action: 'staff:write' },
  { page: 'mailbox' },
];

const allowedFor = (session: Session, page: string) => {
  const section = sections.find((s) => s.page === page);
  if (!section) return false;
  return section.action ? can(session.roles, section.action) : session.roles.length > 0;
};

function StaffNav({ session, current, mailbox }: { session: Session; current: string; mailbox: boolean }) {
  const { t, lang } = useStaffI18n();
  const names: Record<string, string> = {
    tasks: t.navTasks,
    'register-appeal': t.navRegisterAppeal,
    cases: t.navCases,
    'repeat-appellants': t.navRepeatAppellants,
    payments: t.navPayments,
    letters: t.navLetters,
    budgets: t.navBudgets,
    reports: t.navReports,
    rules: t.navRules,
    catalogue: t.navCatalogue,
    'staff-identities': t.navStaffIdentities,
    mailbox: t.navMailbox,
  };
  const roles = session.roles
    .map((r) => (roleNames as Record<string, Record<string, string>>)[r]?.[lang] ?? r)
    .join(', ');
  const signOut = async () => {
    clearDrafts();
    writeSession(undefined);
    const config = await runtimeConfig();
    // The refresh token is ended where it was made, so a copy left behind renews nothing.
    if (config.auth.kind === 'cognito') {
      if (session.refreshToken) await revokeSignIn(hostedUi(config.auth), session.refreshToken);
      location.assign(signOutUrl(hostedUi(config.auth)));
    } else {
      if (session.refreshToken)
        await api('POST', '/auth/local/revoke', { body: { token: session.refreshToken } });
      navigate('/staff');
    }
  };
  return (
    <div class="staff-bar">
      <nav aria-label={t.staffNav}>
        <ul class="staff-nav">
          {sections
            .filter((s) => allowedFor(session, s.page) && (s.page !== 'mailbox' || mailbox))
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
        <Button kind="link" type="button" onClick={() => void signOut()}>
          {t.signOut}
        </Button>
      </p>
    </div>
  );
}

/** Renews a sign-in where it was made: the hosted UI's token endpoint in AWS, the local issuer here. */
async function renewSession(refreshToken: string): Promise<Renewal> {
  const config = await runtimeConfig();
  if (config.auth.kind === 'cognito') return renewSignIn(hostedUi(config.auth), refreshToken);
  const res = await api<{ access_token: string; expires_in: number }>('POST', '/auth/local/token', {
    body: { grant_type: 'refresh_token', refresh_token: refreshToken },
  });
  if (res.ok) return { ok: true, accessToken: res.data.access_token, expiresIn: res.data.expires_in };
  return { ok: false, refused: res.kind === 'http' && (res.status === 400 || res.status === 401) };
}

function Desk({ path }: { path: string }) {
  const session = useSession();
  useSessionRenewal(session, renewSession);
  const resuming = useResumedSession(session, renewSession);
  const page = match('/staff/:page', path)?.page ?? match('/staff/:page/:id', path)?.page ?? 'tasks';
  const id = match('/staff/:page/:id', path)?.id;
  useEffect(() => {
    // The first section this person may use (the auditor and the administrator have no inbox).
    const first = session && sections.find((s) => s.page !== 'mailbox' && allowedFor(session, s.page));
    if (session && path === '/staff') navigate(`/staff/${first?.page ?? 'tasks'}`, { replace: true });
  }, [session, path]);
  if (!session) return resuming ? <Loading /> : <SignIn />;
  return <SignedIn session={session} page={page} id={id} />;
}

function SignedIn({ session, page, id }: { session: Session; page: string; id: string | undefined }) {
  const { t } = useStaffI18n();
  const mailbox = useMailboxAvailable(session);
  const allowed = allowedFor(session, page);
  return (
    <>
      <StaffNav session={session} current={page} mailbox={mailbox} />
      <SessionNotice session={session} />
      {page !== 'budgets' && can(session.roles, 'budgets:write') && <DeskBudgetGaps session={session} />}
      {!allowed ? (
        <Alert kind="warning">{t.noRole}</Alert>
      ) : page === 'tasks' && id ? (
        <TaskPage key={id} session={session} taskId={id} />
      ) : page === 'tasks' ? (
        <TasksPage session={session} />
      ) : page === 'cases' && id ? (
        <CasePage session={session} caseId={id} />
      ) : page === 'cases' ? (
        <CaseSearchPage session={session} />
      ) : page === 'register-appeal' ? (
        <RegisterAppealPage session={session} />
      ) : page === 'repeat-appellants' ? (
        <RepeatAppellantsPage session={session} />
      ) : page === 'payments' && id ? (
        <BatchPage session={session} batchId={id} />
      ) : page === 'payments' ? (
        <PaymentsPage session={session} />
      ) : page === 'letters' ? (
        <LettersPage session={session} />
      ) : page === 'budgets' ? (
        <BudgetsPage session={session} />
      ) : page === 'reports' ? (
        <ReportsPage session={session} />
      ) : page === 'rules' ? (
        <RulesPage session={session} />
      ) : page === 'catalogue' ? (
        <CatalogueAdminPage session={session} />
      ) : page === 'staff-identities' ? (
        <StaffIdentitiesPage session={session} />
      ) : (
        <MailboxPage session={session} />
      )}
    </>
  );
}

/**
 * The sign-in's end, said before it comes and when it has come, without taking the page away: a
 * token is not renewed, so a person typing a decision is warned some minutes before, and once it
 * has ended (or a background request was refused) keeps the page and what they typed until they
 * choose to sign in again (the decision's draft survives it: task.tsx). The live region is there
 * from the start, so screen readers hear the text put into it.
 */
function SessionNotice({ session }: { session: Session }) {
  const { t, lang } = useStaffI18n();
  const phase = useSessionPhase(session);
  const until = new Date(session.expiresAt).toLocaleTimeString(localeOf[lang], {
    hour: '2-digit',
    minute: '2-digit',
  });
  const signInAgain = () => {
    sessionEnded = phase === 'ended';
    writeSession(undefined);
  };
  return (
    <div role="status" aria-live="polite" data-testid="session-notice" data-phase={phase}>
      {phase !== 'live' && (
        <div class="alert alert--warning">
          <div>
            <p>{phase === 'ended' ? t.sessionEndedKeepTyping : t.sessionEndsSoon(until)}</p>
          </div>
          <div class="alert-action">
            <Button kind="secondary" type="button" onClick={signInAgain}>
              {phase === 'ended' ? t.signInAgain : t.signInAgainNow}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * Whoever sets the budgets hears of the year's turn on every page of the desk, not only when they
 * happen to open the budgets (the budgets page says it to everyone who reads them).
 */
function DeskBudgetGaps({ session }: { session: Session }) {
  const gaps = useBudgetGaps(session);
  return <BudgetGapAlerts session={session} gaps={gaps} />;
}

/** The sign-in callback (/auth/callback), with the staff desk's strings. */
export function AuthCallbackPage() {
  return (
    <WithStaffStrings>
      <AuthCallback />
    </WithStaffStrings>
  );
}

/** The staff desk (/staff/…), once its strings are there. */
export function StaffArea({ path }: { path: string }) {
  return (
    <WithStaffStrings>
      <Desk path={path} />
    </WithStaffStrings>
  );
}
