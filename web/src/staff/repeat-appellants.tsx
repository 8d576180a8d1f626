import { repeatWindowMonths } from '../../../domain/appeal.js';
import { can } from '../../../domain/permissions.js';
import { Link } from '../router.js';
import { Loading, PageTitle, TableWrap, useTitle } from '../ui.js';
import { Failed, useResource } from './resource.js';
import { topicLabel } from './routing-names.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

interface RepeatAppellant {
  personId: string;
  fullName: string;
  repeatAppeals: number;
  topics: string[];
  lastAppealAt: string;
  lastReference: string;
}

/**
 * People who appeal repeatedly (GET /v1/appeals/repeat-appellants, `appeals:repeat-appellants`):
 * the head's list (DOMAIN.md), most repeat appeals first, each with their last appeal, which opens
 * through the case search for whoever may read cases.
 */
export function RepeatAppellantsPage({ session }: { session: Session }) {
  const { t, lang, date } = useStaffI18n();
  useTitle(t.repeatAppellantsTitle);
  const found = useResource<{ items: RepeatAppellant[] }>(session, '/v1/appeals/repeat-appellants');
  const items = found.data?.items;
  const mayOpen = can(session.roles, 'cases:search');
  const topic = (c: string) => topicLabel(c, lang);
  return (
    <>
      <PageTitle>{t.repeatAppellantsTitle}</PageTitle>
      <p>{t.repeatAppellantsIntro(repeatWindowMonths)}</p>
      {found.failure && <Failed failure={found.failure} onRetry={found.reload} />}
      {found.loading && <Loading />}
      {items && (
        <p role="status" class="muted">
          {t.repeatAppellantsCount(items.length)}
        </p>
      )}
      {items && items.length === 0 && <p class="inset">{t.repeatAppellantsEmpty}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t.tableOf(t.repeatAppellantsTitle)}>
          <table class="table" data-testid="repeat-appellants">
            <caption class="visually-hidden">{t.repeatAppellantsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.personColumn}</th>
                <th scope="col" class="numeric">
                  {t.repeatAppealsColumn}
                </th>
                <th scope="col">{t.topicsColumn}</th>
                <th scope="col">{t.lastAppealColumn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.personId} data-person={p.personId}>
                  <td>{p.fullName || '—'}</td>
                  <td class="numeric">{p.repeatAppeals}</td>
                  <td>{p.topics.map(topic).join(lang === 'zh' ? '、' : ', ')}</td>
                  <td>
                    {mayOpen ? (
                      <Link href={`/staff/cases?reference=${encodeURIComponent(p.lastReference)}`}>
                        {p.lastReference}
                      </Link>
                    ) : (
                      p.lastReference
                    )}
                    {', '}
                    <time dateTime={p.lastAppealAt}>{date(p.lastAppealAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
