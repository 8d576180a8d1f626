import { appealTopics, routingTable, topicName } from '../../domain/appeal-routing.js';
import type { Language } from '../../domain/catalogue.js';
import { appealKinds } from '../../domain/catalogue-seed.js';
import { normalizeReferenceInput } from '../../domain/reference-text.js';
import type { ErrorKey } from './errors.js';
import { isoDateOrRaw, optionalText } from './form-values.js';

/**
 * What an appeal form asks, the public one (pages/appeal.tsx) and the clerk's
 * (staff/register-appeal.tsx) alike: the appeal and its author, as typed. The two forms word
 * their fields differently; what they send and how a schema issue maps to a field is one thing.
 */
export interface AppealFields {
  kind: string;
  topic: string;
  relatedReference: string;
  subject: string;
  text: string;
  fullName: string;
  birthDay: string;
  birthMonth: string;
  birthYear: string;
  email: string;
  phone: string;
  address: string;
  preferredLanguage: string;
}

export const emptyAppealFields = (language: string): AppealFields => ({
  kind: '',
  topic: '',
  relatedReference: '',
  subject: '',
  text: '',
  fullName: '',
  birthDay: '',
  birthMonth: '',
  birthYear: '',
  email: '',
  phone: '',
  address: '',
  preferredLanguage: language,
});

/**
 * The body of POST /v1/appeals for the fields. The public form requires the author's name (an
 * empty one is refused by the schema); a clerk may register an appeal whose author gave none.
 */
export function appealBody(
  d: AppealFields,
  options: { nameOptional?: boolean } = {},
): Record<string, unknown> {
  return {
    applicant: {
      fullName: options.nameOptional ? optionalText(d.fullName) : d.fullName,
      birthDate: isoDateOrRaw(d.birthDay, d.birthMonth, d.birthYear),
      email: optionalText(d.email),
      phone: optionalText(d.phone),
      address: optionalText(d.address),
      preferredLanguage: d.preferredLanguage,
    },
    kind: d.kind || undefined,
    topic: d.topic || undefined,
    subject: d.subject,
    text: d.text,
    relatedReference: optionalText(normalizeReferenceInput(d.relatedReference)),
  };
}

/** The field (its message key and input id) a schema issue of the appeal's own paths names. */
export function appealFieldOf(path: readonly PropertyKey[]): { key: ErrorKey; id: string } {
  const [a, b] = path.map(String);
  if (a === 'applicant') {
    if (b === undefined) return { key: 'contact', id: 'email' };
    if (b === 'birthDate') return { key: 'birthDate', id: 'birthDay' };
    if (b === 'fullName' || b === 'email' || b === 'phone' || b === 'address' || b === 'preferredLanguage')
      return { key: b, id: b };
    return { key: 'fullName', id: 'fullName' };
  }
  if (a === 'kind' || a === 'topic' || a === 'subject' || a === 'text' || a === 'relatedReference')
    return { key: a, id: a };
  return { key: 'text', id: 'text' };
}

/** A catalogue name at the start of a choice ("телефон" → "Телефон"). */
export const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The kinds of appeal as a person reads them, in the form's order. */
export function appealKindChoices(lang: Language): { value: string; label: string }[] {
  return ['request', 'complaint', 'proposal'].map((k) => ({
    value: k,
    label: capitalise(appealKinds.find((a) => a.code === k)?.name[lang] ?? k),
  }));
}

/** The office's routing topics (domain/appeal-routing.ts): what is chosen decides who answers. */
export function appealTopicChoices(lang: Language): { value: string; label: string }[] {
  return appealTopics(routingTable).map((c) => ({
    value: c,
    label: topicName(routingTable, c)?.[lang] ?? c,
  }));
}

/** Whether the author left the office no way to send an answer. */
export const noWayToAnswer = (d: AppealFields) => !d.email.trim() && !d.phone.trim() && !d.address.trim();
