import { useEffect, useState } from 'preact/hooks';
import { can } from '../../../domain/permissions.js';
import { newRuleSetSchema } from '../../../domain/rule-set-versions.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import { todayIso } from '../form-values.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Progress,
  Select,
  TableWrap,
  Tag,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';
import { Failed, useResource } from './resource.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * Eligibility rule sets, per aid type: every version (read by reviewers, the head, the admin and
 * the auditor), and for the administrator a form for a new version, checked in the browser with
 * the same schema as the API (domain/rule-set-versions.ts). Versions are never changed.
 */
interface Rule {
  code: string;
  mandatory: boolean;
  description: Record<string, string>;
  messages: { pass: Record<string, string>; fail: Record<string, string> };
  conditions: unknown;
}
interface Version {
  id: string;
  version: number;
  effectiveFrom: string;
  hash: string;
  inForce: boolean;
  createdAt?: string;
  createdBy?: string;
  rules: Rule[];
}

/** A rule's conditions as a nested list: "all of", "any of", "not", and fact · operator · value. */
function Condition({ c }: { c: unknown }) {
  const { t } = useStaffI18n();
  const node = c as {
    all?: unknown[];
    any?: unknown[];
    not?: unknown;
    fact?: string;
    operator?: string;
    value?: unknown;
  };
  const group = (label: string, items: unknown[]) => (
    <>
      {label}
      <ul class="conditions">
        {items.map((item, i) => (
          <li key={i}>
            <Condition c={item} />
          </li>
        ))}
      </ul>
    </>
  );
  if (Array.isArray(node.all)) return group(t.conditionAll, node.all);
  if (Array.isArray(node.any)) return group(t.conditionAny, node.any);
  if (node.not !== undefined) return group(t.conditionNot, [node.not]);
  const value = node.value as { fact?: string } | undefined;
  return (
    <span>
      <code>{node.fact}</code> <em>{node.operator}</em>{' '}
      <code>
        {typeof value === 'object' && value !== null && 'fact' in value
          ? value.fact
          : JSON.stringify(node.value)}
      </code>
    </span>
  );
}

export function RulesPage({ session }: { session: Session }) {
  const { t, lang, date, dateTime } = useStaffI18n();
  const { catalogue, aidTypeName } = useCatalogue();
  useTitle(t.rulesTitle);
  const [aidType, setAidType] = useState(catalogue.aidTypes[0]?.code ?? 'cash');
  const list = useResource<{ aidType: string; items: Version[] }>(
    session,
    `/v1/rule-sets/${encodeURIComponent(aidType)}`,
  );
  const [created, setCreated] = useState<string | undefined>();
  const versions = [...(list.data?.items ?? [])].reverse();
  const inForce = versions.find((v) => v.inForce);
  return (
    <>
      {created && <Alert kind="success">{created}</Alert>}
      <PageTitle>{t.rulesTitle}</PageTitle>
      <p>{t.rulesIntro}</p>
      <form class="inline-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <Select
          id="rulesAidType"
          label={t.aidType}
          value={aidType}
          onChange={(v) => {
            setCreated(undefined);
            setAidType(v);
          }}
          choices={catalogue.aidTypes.map((a) => ({ value: a.code, label: a.name[lang] }))}
        />
      </form>
      {list.failure && <Failed failure={list.failure} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && versions.length === 0 && <p class="inset">{t.noRuleSets(aidTypeName(aidType))}</p>}
      {versions.map((v) => (
        <section class="card rule-set" key={v.version} aria-labelledby={`version-${v.version}`}>
          <h2 id={`version-${v.version}`}>
            {t.ruleSetVersion(v.version)} {v.inForce && <Tag tone="green">{t.inForce}</Tag>}
          </h2>
          <p class="muted">
            {t.effectiveFrom}: {date(v.effectiveFrom)} · <code>{v.id}</code> · {t.hash}:{' '}
            <code title={v.hash}>{v.hash.slice(0, 12)}</code>
            {v.createdBy && ` · ${t.createdBy(v.createdBy, v.createdAt ? dateTime(v.createdAt) : '')}`}
          </p>
          <details open={v.inForce}>
            <summary>{t.showRules(v.rules.length)}</summary>
            <TableWrap label={t.tableOf(t.ruleSetVersion(v.version))}>
              <table class="table">
                <caption class="visually-hidden">{t.ruleSetVersion(v.version)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.rule}</th>
                    <th scope="col">{t.ruleMessages}</th>
                    <th scope="col">{t.ruleConditions}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.rules.map((r) => (
                    <tr key={r.code}>
                      <td>
                        {r.description[lang] ?? r.code}
                        <br />
                        <span class="muted">
                          <code>{r.code}</code>, {r.mandatory ? t.mandatory : t.discretionary}
                        </span>
                      </td>
                      <td>
                        <Tag tone="green">{t.checkPassed}</Tag> {r.messages.pass[lang]}
                        <br />
                        <Tag tone="red">{t.checkFailed}</Tag> {r.messages.fail[lang]}
                      </td>
                      <td>
                        <Condition c={r.conditions} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </section>
      ))}
      {can(session.roles, 'rules:write') && list.data && (
        <NewVersionForm
          key={aidType}
          session={session}
          aidType={aidType}
          base={inForce ?? versions[0]}
          onCreated={(message) => {
            setCreated(message);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function NewVersionForm(p: {
  session: Session;
  aidType: string;
  base: Version | undefined;
  onCreated: (message: string) => void;
}) {
  const { t, date } = useStaffI18n();
  const [id, setId] = useState(p.base?.id ?? `${p.aidType}-rules`);
  const [effectiveFrom, setEffectiveFrom] = useState(todayIso());
  const [version, setVersion] = useState('');
  const [rules, setRules] = useState(JSON.stringify(p.base?.rules ?? [], null, 2));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => setErrors([]), [p.aidType]);

  const fieldOf = (path: readonly PropertyKey[]) => {
    const head = String(path[0] ?? 'rules');
    return head === 'id'
      ? 'ruleSetId'
      : head === 'effectiveFrom'
        ? 'effectiveFrom'
        : head === 'version'
          ? 'ruleSetVersion'
          : 'rules';
  };
  /** A rule's problem names the rule (by number and code) so the administrator can find it in the text. */
  const describe = (path: readonly PropertyKey[], message: string, parsedRules: unknown) => {
    if (path[0] !== 'rules' || typeof path[1] !== 'number') return message;
    const code = Array.isArray(parsedRules) ? (parsedRules[path[1]] as { code?: unknown })?.code : undefined;
    const where = path.slice(2).join('.');
    return `${t.ruleNumber(path[1] + 1, typeof code === 'string' ? code : '')}${where ? ` (${where})` : ''}: ${message}`;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    let parsedRules: unknown;
    try {
      parsedRules = JSON.parse(rules);
    } catch (error) {
      setErrors([{ field: 'rules', message: t.rulesNotJson((error as Error).message) }]);
      return;
    }
    const body = {
      id: id.trim(),
      effectiveFrom: effectiveFrom.trim(),
      ...(version.trim() ? { version: /^\d+$/.test(version.trim()) ? Number(version.trim()) : version } : {}),
      rules: parsedRules,
    };
    const parsed = newRuleSetSchema.safeParse(body);
    const problems: FieldError[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({
          field: fieldOf(i.path),
          message: describe(i.path, i.message, parsedRules),
        }));
    if (parsed.success && parsed.data.effectiveFrom < todayIso())
      problems.push({ field: 'effectiveFrom', message: t.err.effectiveFrom.past });
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api<{ version: number; effectiveFrom: string }>(
      'POST',
      `/v1/rule-sets/${encodeURIComponent(p.aidType)}`,
      { token: p.session.token, body: parsed.data },
    );
    setBusy(false);
    if (res.ok) {
      setVersion('');
      p.onCreated(t.ruleSetCreated(res.data.version, date(res.data.effectiveFrom)));
      return;
    }
    if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        res.problem.errors.map((pe) => {
          const path = pe.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
          return { field: fieldOf(path), message: describe(path, pe.message, parsedRules) };
        }),
      );
    } else setFailure(failureMessage(t, res));
  };

  return (
    <section aria-labelledby="new-version-title" class="decision-panel">
      <h2 id="new-version-title">{t.newRuleSetVersion}</h2>
      <p>{t.newRuleSetIntro}</p>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <TextField
          id="ruleSetId"
          label={t.ruleSetId}
          width="medium"
          value={id}
          onInput={setId}
          error={errorFor(errors, 'ruleSetId')}
        />
        <TextField
          id="effectiveFrom"
          label={t.effectiveFrom}
          hint={t.effectiveFromHint}
          type="date"
          width="medium"
          value={effectiveFrom}
          onInput={setEffectiveFrom}
          error={errorFor(errors, 'effectiveFrom')}
        />
        <TextField
          id="ruleSetVersion"
          label={t.ruleSetVersionNumber}
          hint={t.ruleSetVersionHint}
          optional
          inputMode="numeric"
          width="short"
          value={version}
          onInput={setVersion}
          error={errorFor(errors, 'ruleSetVersion')}
        />
        <TextArea
          id="rules"
          label={t.rulesJson}
          hint={t.rulesJsonHint}
          rows={18}
          spellcheck={false}
          value={rules}
          onInput={setRules}
          error={
            errors
              .filter((e) => e.field === 'rules')
              .map((e) => e.message)
              .join(' ') || undefined
          }
        />
        <Button busy={busy} busyText={t.saving}>
          {t.saveRuleSet}
        </Button>
        <Progress active={busy} text={t.saving} />
      </form>
    </section>
  );
}
