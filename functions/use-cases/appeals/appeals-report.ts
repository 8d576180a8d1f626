import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../lib/clients.js';
import { appealKeys } from '../../lib/store/appeal-records.js';

type Counters = Record<string, number>;

export interface AppealsReport {
  readonly from: string;
  readonly to: string;
  /** Every figure is about the appeals registered from `from` to `to` (inclusive). */
  readonly received: {
    readonly total: number;
    readonly priority: number;
    readonly byChannel: Counters;
    readonly byKind: Counters;
    readonly byTopic: Counters;
    readonly byDepartment: Counters;
  };
  readonly answered: {
    readonly total: number;
    readonly onTime: number;
    readonly late: number;
    readonly averageDaysToAnswer: number | null;
  };
  readonly overdue: number;
  readonly extensions: number;
  readonly repeatAppeals: number;
  readonly forwarded: number;
  readonly notAnswerable: number;
  readonly feedback: {
    readonly count: number;
    readonly averageRating: number | null;
    readonly byRating: Counters;
  };
}

async function daysOf(from: string, to: string): Promise<Counters[]> {
  const out: Counters[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': appealKeys.statsDay(`${year}-01-01`).pk,
            ':from': appealKeys.statsDay(from).sk,
            ':to': appealKeys.statsDay(to).sk,
          },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      out.push(...((page.Items ?? []) as Counters[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return out;
}

function sum(days: readonly Counters[]): Counters {
  const total: Counters = {};
  for (const day of days) {
    for (const [name, value] of Object.entries(day)) {
      if (typeof value === 'number') total[name] = (total[name] ?? 0) + value;
    }
  }
  return total;
}

function group(total: Counters, prefix: string): Counters {
  return Object.fromEntries(
    Object.entries(total)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, n]): [string, number] => [name.slice(prefix.length), n])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The appeals report (GET /v1/reports/appeals): one query per calendar year over the counters the
 * table stream keeps per registration day, summed; never a scan of the appeals.
 */
export async function appealsReport(from: string, to: string): Promise<AppealsReport> {
  const t = sum(await daysOf(from, to));
  const n = (name: string) => t[name] ?? 0;
  return {
    from,
    to,
    received: {
      total: n('received'),
      priority: n('priority'),
      byChannel: group(t, 'channel_'),
      byKind: group(t, 'kind_'),
      byTopic: group(t, 'topic_'),
      byDepartment: group(t, 'department_'),
    },
    answered: {
      total: n('answered'),
      onTime: n('answered_on_time'),
      late: n('answered_late'),
      averageDaysToAnswer: n('answered') > 0 ? round1(n('answer_days') / n('answered')) : null,
    },
    overdue: n('overdue'),
    extensions: n('extensions'),
    repeatAppeals: n('repeat'),
    forwarded: n('forwarded'),
    notAnswerable: n('not_answerable'),
    feedback: {
      count: n('feedback'),
      averageRating: n('feedback') > 0 ? round1(n('ratings_total') / n('feedback')) : null,
      byRating: group(t, 'rating_'),
    },
  };
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per figure (measure, breakdown, value): easy to pivot in a spreadsheet. */
export function appealsReportCsv(report: AppealsReport): string {
  const rows: (string | number | null)[][] = [['measure', 'breakdown', 'value']];
  rows.push(['received', 'total', report.received.total], ['received', 'priority', report.received.priority]);
  for (const [by, counters] of [
    ['channel', report.received.byChannel],
    ['kind', report.received.byKind],
    ['topic', report.received.byTopic],
    ['department', report.received.byDepartment],
  ] as const) {
    for (const [key, value] of Object.entries(counters)) rows.push([`received_by_${by}`, key, value]);
  }
  rows.push(
    ['answered', 'total', report.answered.total],
    ['answered', 'on_time', report.answered.onTime],
    ['answered', 'late', report.answered.late],
    ['answered', 'average_days', report.answered.averageDaysToAnswer],
    ['overdue', 'total', report.overdue],
    ['extensions', 'total', report.extensions],
    ['repeat_appeals', 'total', report.repeatAppeals],
    ['forwarded', 'total', report.forwarded],
    ['not_answerable', 'total', report.notAnswerable],
    ['feedback', 'count', report.feedback.count],
    ['feedback', 'average_rating', report.feedback.averageRating],
  );
  for (const [rating, value] of Object.entries(report.feedback.byRating)) {
    rows.push(['feedback_by_rating', rating, value]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
