import { useEffect, useState } from 'preact/hooks';
import { aidKinds, languages } from '../../../domain/catalogue.js';
import { catalogueCodeSchema } from '../../../domain/catalogue-code-schema.js';
import { type CatalogueKindPath, catalogueKindPaths } from '../../../domain/catalogue-entries.js';
import { catalogueEntrySchemas } from '../../../domain/catalogue-entry-schemas.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import { languageNames } from '../i18n.js';
import {
  Alert,
  Button,
  Checkboxes,
  ErrorSummary,
  errorFor,
  PageTitle,
  Progress,
  Radios,
  TableWrap,
  TextField,
  useTitle,
} from '../ui.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * The catalogue for the administrator: every category, aid type and funding source with its four
 * names, and a form to add an entry or change one (PUT /v1/catalogue/{kind}/{code}), checked with
 * the API's own schemas. Applicants see a change within a minute (the catalogue's cache).
 * Adding sends `If-None-Match: *`, so a code the catalogue has is refused (412), never replaced:
 * the form says so and offers to change that entry instead.
 */
type Names = Record<(typeof languages)[number], string>;
type Entry = { code: string; name: Names; kind?: string; defaultFundingSources?: readonly string[] };
const emptyNames: Names = { en: '', uk: '', ru: '', zh: '' };
const kindPaths = Object.keys(catalogueKindPaths) as CatalogueKindPath[];

interface Draft {
  kind: CatalogueKindPath;
  code: string;
  names: Names;
  aidKind: string;
  sources: string[];
  editing: boolean;
}

const blank = (kind: CatalogueKindPath = 'aid-types'): Draft => ({
  kind,
  code: '',
  names: { ...emptyNames },
  aidKind: '',
  sources: [],
  editing: false,
});

export function CatalogueAdminPage({ session }: { session: Session }) {
  const { t, lang } = useStaffI18n();
  const { catalogue, sourceName, reload } = useCatalogue();
  useTitle(t.catalogueTitle);
  // The administrator sees the catalogue as stored now, not a copy cached for applicants.
  useEffect(() => reload(), []);
  const [draft, setDraft] = useState<Draft>(blank());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  // A code "Add" found taken: the form offers to change that entry instead.
  const [taken, setTaken] = useState<{ kind: CatalogueKindPath; code: string } | undefined>();
  const kindName: Record<CatalogueKindPath, string> = {
    'recipient-categories': t.catalogueCategories,
    'aid-types': t.catalogueAidTypes,
    'funding-sources': t.catalogueSources,
  };

  const entriesOf = (kind: CatalogueKindPath): readonly Entry[] => catalogue[catalogueKindPaths[kind]];
  const refuseTaken = (kind: CatalogueKindPath, code: string) => {
    setTaken({ kind, code });
    setErrors([{ field: 'entryCode', message: t.entryExists(code, kindName[kind]) }]);
  };

  const edit = (kind: CatalogueKindPath, entry: Entry) => {
    setTaken(undefined);
    setDraft({
      kind,
      code: entry.code,
      names: { ...entry.name },
      aidKind: entry.kind ?? '',
      sources: [...(entry.defaultFundingSources ?? [])],
      editing: true,
    });
    setErrors([]);
    setNotice(undefined);
    document.getElementById('catalogue-form-title')?.scrollIntoView();
    document.getElementById('entryCode')?.focus();
  };

  const fieldOf = (path: readonly PropertyKey[]): string => {
    const [head, sub] = path.map(String);
    if (head === 'code') return 'entryCode';
    if (head === 'name') return `entryName-${sub ?? 'en'}`;
    if (head === 'kind') return 'entryAidKind';
    if (head === 'defaultFundingSources') return 'entrySources';
    return 'entryCode';
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const schemaKind = catalogueKindPaths[draft.kind];
    const body: Record<string, unknown> = { name: draft.names };
    if (schemaKind === 'aidTypes') {
      body.kind = draft.aidKind || undefined;
      body.defaultFundingSources = draft.sources;
    }
    const code = catalogueCodeSchema(t.entryCode).safeParse(draft.code.trim());
    const entry = catalogueEntrySchemas[schemaKind].safeParse(body);
    const problems: FieldError[] = [
      ...(code.success ? [] : [{ field: 'entryCode', message: t.err.entryCode.invalid }]),
      ...(entry.success
        ? []
        : entry.error.issues.map((i) => {
            const field = fieldOf(i.path);
            const message = field.startsWith('entryName-')
              ? t.err.entryName.missing(languageNames[field.slice('entryName-'.length) as 'en'])
              : field === 'entryAidKind'
                ? t.err.entryAidKind.missing
                : i.message;
            return { field, message };
          })),
    ];
    setErrors(problems);
    setTaken(undefined);
    if (problems.length > 0 || !code.success || !entry.success) return;
    // Adding never replaces: the catalogue as loaded says so at once, the server (412) if it
    // changed meanwhile.
    if (!draft.editing && entriesOf(draft.kind).some((e) => e.code === code.data)) {
      refuseTaken(draft.kind, code.data);
      return;
    }
    setBusy(true);
    setNotice(undefined);
    const res = await api<{ created: boolean }>(
      'PUT',
      `/v1/catalogue/${draft.kind}/${encodeURIComponent(code.data)}`,
      {
        token: session.token,
        body: entry.data,
        ...(draft.editing ? {} : { headers: { 'if-none-match': '*' } }),
      },
    );
    setBusy(false);
    if (res.ok) {
      setNotice({
        kind: 'success',
        text: res.data.created ? t.entryAdded(code.data) : t.entryChanged(code.data),
      });
      setDraft(blank(draft.kind));
      reload();
      return;
    }
    if (res.kind === 'http' && res.status === 412) {
      refuseTaken(draft.kind, code.data);
      reload();
    } else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        res.problem.errors.map((pe) => ({ field: fieldOf(pe.path.split('.')), message: pe.message })),
      );
    } else setNotice({ kind: 'error', text: failureMessage(t, res) });
  };

  const table = (
    kind: CatalogueKindPath,
    entries: readonly {
      code: string;
      name: Names;
      kind?: string;
      defaultFundingSources?: readonly string[];
    }[],
  ) => (
    <section aria-labelledby={`catalogue-${kind}`} key={kind}>
      <h2 id={`catalogue-${kind}`}>{kindName[kind]}</h2>
      <TableWrap label={t.tableOf(kindName[kind])}>
        <table class="table table--compact" data-kind={kind}>
          <caption class="visually-hidden">{kindName[kind]}</caption>
          <thead>
            <tr>
              <th scope="col">{t.entryCode}</th>
              {languages.map((l) => (
                <th scope="col" key={l}>
                  {languageNames[l]}
                </th>
              ))}
              {kind === 'aid-types' && <th scope="col">{t.entryAidKind}</th>}
              <th scope="col">
                <span class="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.code}>
                <td class="cell--whole">
                  <code>{entry.code}</code>
                </td>
                {languages.map((l) => (
                  <td key={l} lang={l}>
                    {entry.name[l]}
                  </td>
                ))}
                {kind === 'aid-types' && (
                  <td>
                    {t.aidKinds[entry.kind ?? ''] ?? entry.kind}
                    {entry.defaultFundingSources && entry.defaultFundingSources.length > 0 && (
                      <>
                        <br />
                        <span class="muted">{entry.defaultFundingSources.map(sourceName).join(', ')}</span>
                      </>
                    )}
                  </td>
                )}
                <td class="cell--whole">
                  <Button kind="link" type="button" onClick={() => edit(kind, entry)}>
                    {t.change}
                    <span class="visually-hidden"> {entry.name[lang]}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );

  return (
    <>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <PageTitle>{t.catalogueTitle}</PageTitle>
      <p>{t.catalogueIntro}</p>
      <section aria-labelledby="catalogue-form-title" class="decision-panel">
        <h2 id="catalogue-form-title">{draft.editing ? t.changeEntry(draft.code) : t.addEntry}</h2>
        <ErrorSummary errors={errors} />
        <form noValidate onSubmit={submit}>
          <Radios
            id="entryKind"
            legend={t.entryKind}
            small
            value={draft.kind}
            onChange={(k) => setDraft({ ...draft, kind: k as CatalogueKindPath })}
            choices={kindPaths.map((k) => ({ value: k, label: kindName[k] }))}
          />
          <TextField
            id="entryCode"
            label={t.entryCode}
            hint={t.entryCodeHint}
            width="medium"
            value={draft.code}
            onInput={(code) => setDraft({ ...draft, code })}
            error={errorFor(errors, 'entryCode')}
          />
          {taken && !draft.editing && taken.kind === draft.kind && taken.code === draft.code.trim() && (
            <p>
              <Button
                kind="secondary"
                type="button"
                onClick={() => {
                  const existing = entriesOf(taken.kind).find((e) => e.code === taken.code);
                  if (existing) edit(taken.kind, existing);
                }}
              >
                {t.changeExisting(taken.code)}
              </Button>
            </p>
          )}
          {languages.map((l) => (
            <TextField
              key={l}
              id={`entryName-${l}`}
              label={t.entryNameIn(languageNames[l])}
              lang={l}
              value={draft.names[l]}
              onInput={(v) => setDraft({ ...draft, names: { ...draft.names, [l]: v } })}
              error={errorFor(errors, `entryName-${l}`)}
            />
          ))}
          {draft.kind === 'aid-types' && (
            <>
              <Radios
                id="entryAidKind"
                legend={t.entryAidKind}
                small
                value={draft.aidKind}
                onChange={(aidKind) => setDraft({ ...draft, aidKind })}
                error={errorFor(errors, 'entryAidKind')}
                choices={aidKinds.map((k) => ({ value: k, label: t.aidKinds[k] ?? k }))}
              />
              <Checkboxes
                id="entrySources"
                legend={t.entrySources}
                hint={t.entrySourcesHint}
                values={draft.sources}
                onChange={(sources) => setDraft({ ...draft, sources })}
                error={errorFor(errors, 'entrySources')}
                choices={catalogue.fundingSources.map((f) => ({ value: f.code, label: f.name[lang] }))}
              />
            </>
          )}
          <div class="button-group">
            <Button busy={busy} busyText={t.saving}>
              {t.saveEntry}
            </Button>
            {draft.editing && (
              <Button kind="secondary" type="button" onClick={() => setDraft(blank(draft.kind))}>
                {t.cancel}
              </Button>
            )}
          </div>
          <Progress active={busy} text={t.saving} />
        </form>
      </section>
      {table('recipient-categories', catalogue.recipientCategories)}
      {table('aid-types', catalogue.aidTypes)}
      {table('funding-sources', catalogue.fundingSources)}
    </>
  );
}
