import { daysBetween, officeDateOf } from '../../../domain/deadlines.js';
import { type AppealCaseRecord, appealKeys } from '../../lib/store/appeal-records.js';
import { countOnce } from '../../lib/store/counted-facts.js';

/**
 * Report counters for appeals, kept by the table stream (no scans at report time). Every count
 * is bucketed by the day the appeal was registered, so a report over a period tells what became
 * of the appeals received in it. Each fact is counted exactly once: its counter update and a
 * "counted" marker on the case are one transaction, and a redelivered stream record finds the
 * marker and counts nothing.
 */
export interface Fact {
  /** Names the fact for the once-only marker, e.g. "received", "answered", "feedback". */
  readonly id: string;
  readonly counters: Readonly<Record<string, number>>;
}

type Image = Partial<AppealCaseRecord> & Record<string, unknown>;

/** The facts a change of an appeal item establishes (pure). */
export function appealFacts(oldImage: Image | undefined, newImage: Image): Fact[] {
  const facts: Fact[] = [];
  if (!oldImage) {
    facts.push({
      id: 'received',
      counters: {
        received: 1,
        [`channel_${newImage.channel}`]: 1,
        [`kind_${newImage.appealKind}`]: 1,
        [`topic_${newImage.topic}`]: 1,
        ...(newImage.priority ? { priority: 1 } : {}),
        ...(newImage.repeatOf ? { repeat: 1 } : {}),
        ...(newImage.status === 'not_answerable' ? { not_answerable: 1 } : {}),
      },
    });
  }
  const before = oldImage?.departments ?? [];
  const after = newImage.departments ?? [];
  if (before.length === 0 && after.length > 0) {
    facts.push({ id: 'routed', counters: Object.fromEntries(after.map((d) => [`department_${d}`, 1])) });
  }
  if (oldImage && oldImage.status !== newImage.status) {
    if (newImage.status === 'answered' && newImage.answer && newImage.registeredOn) {
      // Both days in the office's time zone: registeredOn is one (submit-appeal.ts).
      const answeredOn = officeDateOf(new Date(newImage.answer.answeredAt), newImage.jurisdiction);
      const days = daysBetween(newImage.registeredOn, answeredOn);
      facts.push({
        id: 'answered',
        counters: {
          answered: 1,
          [newImage.onTime ? 'answered_on_time' : 'answered_late']: 1,
          answer_days: days,
        },
      });
    }
    if (newImage.status === 'forwarded') facts.push({ id: 'forwarded', counters: { forwarded: 1 } });
    if (newImage.status === 'not_answerable')
      facts.push({ id: 'not_answerable', counters: { not_answerable: 1 } });
  }
  if (oldImage && !oldImage.overdue && newImage.overdue)
    facts.push({ id: 'overdue', counters: { overdue: 1 } });
  if (oldImage && (newImage.extensions ?? 0) > (oldImage.extensions ?? 0)) {
    facts.push({ id: `extension_${newImage.extensions}`, counters: { extensions: 1 } });
  }
  if (oldImage && !oldImage.feedback && newImage.feedback) {
    facts.push({
      id: 'feedback',
      counters: {
        feedback: 1,
        ratings_total: newImage.feedback.rating,
        [`rating_${newImage.feedback.rating}`]: 1,
      },
    });
  }
  return facts;
}

/** Counts each fact once (marker and counters in one transaction); returns how many were new. */
export async function countAppealFacts(oldImage: Image | undefined, newImage: Image): Promise<number> {
  const caseId = String(newImage.caseId);
  const day = String(newImage.registeredOn);
  let counted = 0;
  for (const fact of appealFacts(oldImage, newImage)) {
    const fresh = await countOnce({
      marker: appealKeys.counted(caseId, fact.id),
      markerAttributes: { caseId },
      counter: appealKeys.statsDay(day),
      set: { type: 'AppealStatsDay', day },
      add: fact.counters,
    });
    if (fresh) counted++;
  }
  return counted;
}
