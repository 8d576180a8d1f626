import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../domain/catalogue.js';
import { type I18n, useI18n } from '../i18n.js';
import type { Messages } from '../messages/en.js';
import { PageLoadFailed } from '../page-load-failed.js';
import { Loading } from '../ui.js';
import type { StaffMessages } from './messages/staff-en.js';

/**
 * The staff desk's strings: a chunk per language beside the applicant's, fetched with the staff
 * desk, so an applicant's phone downloads neither (docs/performance.md §17).
 */
const staffPacks: Record<Language, () => Promise<StaffMessages>> = {
  en: () => import('./messages/staff-en.js').then((m) => m.staffEn),
  uk: () => import('./messages/staff-uk.js').then((m) => m.staffUk),
  ru: () => import('./messages/staff-ru.js').then((m) => m.staffRu),
  zh: () => import('./messages/staff-zh.js').then((m) => m.staffZh),
};

const staffPack = (lang: Language): Promise<StaffMessages> => staffPacks[lang]();

export interface StaffI18n extends I18n {
  t: Messages & StaffMessages;
}

function hasStaffStrings(t: Messages): t is Messages & StaffMessages {
  return 'staffTitle' in t;
}

/**
 * Renders the staff desk once its strings are there in the language shown; from then on every
 * language switch fetches them with the applicant's (I18n.extend).
 */
export function WithStaffStrings({ children }: { children: ComponentChildren }) {
  const i18n = useI18n();
  const ready = hasStaffStrings(i18n.t);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (ready) return;
    let current = true;
    i18n.extend(staffPack).catch(() => {
      if (current) setFailed(true);
    });
    return () => {
      current = false;
    };
  }, [ready, i18n]);
  if (ready) return <>{children}</>;
  return failed ? <PageLoadFailed /> : <Loading />;
}

/** useI18n inside the staff desk, whose strings WithStaffStrings has added. */
export function useStaffI18n(): StaffI18n {
  const i18n = useI18n();
  if (!hasStaffStrings(i18n.t)) throw new Error('useStaffI18n outside WithStaffStrings');
  return i18n as StaffI18n;
}
