import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../../functions/lib/clients.js';
import { keys } from '../../../functions/lib/store/keys.js';
import {
  aidUsageCsv,
  aidUsageReport,
  countPaidDisbursement,
} from '../../../functions/use-cases/reports/aid-usage.js';
import { budgetsCsv, budgetsReport } from '../../../functions/use-cases/reports/budgets-report.js';
import { aidCaseItem, disbursementItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

let table: TestTable;
beforeAll(async () => {
  table = await handlerTable({ seed: false });
});
afterAll(async () => table.drop());

async function put(item: Record<string, unknown>) {
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
}

/** A case paid through settlement: its item, and the disbursement's change from authorised to paid. */
async function paidCase(overrides: Record<string, unknown>, disbursement: Record<string, unknown> = {}) {
  const aidCase = aidCaseItem({ status: 'paid', ...overrides });
  await put(aidCase);
  const authorised = disbursementItem(aidCase, disbursement);
  const paid = { ...authorised, status: 'paid', version: authorised.version + 1 };
  return { aidCase, authorised, paid };
}

const rub = (minor: number) => ({ currency: 'RUB', minor });

describe('aid usage aggregates, kept from paid disbursements', () => {
  const year = 2031;

  it('adds a payment to its row once, however often the stream delivers the record', async () => {
    const { authorised, paid } = await paidCase({ year, categories: ['pensioner'] });

    const first = await countPaidDisbursement(authorised, paid);
    const again = await countPaidDisbursement(authorised, paid);
    const report = await aidUsageReport(year);

    expect(first).toEqual({ amount: true, person: true });
    expect(again).toEqual({ amount: false, person: false });
    expect(report.rows).toEqual([
      {
        source: 'regional_budget',
        aidType: 'cash',
        adults: { amount: rub(500_000), persons: 1 },
        disabled: { amount: rub(0), persons: 0 },
        pensioners: { amount: rub(500_000), persons: 1 },
        other: { amount: rub(0), persons: 0 },
        families: { amount: rub(0), persons: 0 },
      },
    ]);
  });

  it('counts a person paid twice in the same row once, and their money twice', async () => {
    const personKey = 'person-paid-twice';
    const one = await paidCase({ year: 2032, personKey, categories: ['disabled'] });
    const two = await paidCase({ year: 2032, personKey, categories: ['disabled'] }, { amount: rub(250_000) });

    await countPaidDisbursement(one.authorised, one.paid);
    const second = await countPaidDisbursement(two.authorised, two.paid);
    const [row] = (await aidUsageReport(2032)).rows;

    expect(second).toEqual({ amount: true, person: false });
    expect(row?.disabled).toEqual({ amount: rub(750_000), persons: 1 });
    expect(row?.adults).toEqual({ amount: rub(750_000), persons: 1 });
  });

  it('groups people as DOMAIN.md says: children in the household make a family; adults are disabled, pensioners or other', async () => {
    const cases = [
      { categories: ['low_income'], household: { size: 3, children: 1 } },
      { categories: ['single_parent'], household: { size: 2, children: 0 } },
      { categories: ['wheelchair_or_bedridden', 'pensioner'] },
      { categories: ['war_veteran'] },
      { categories: ['homeless'] },
    ];
    for (const c of cases) {
      const { authorised, paid } = await paidCase({ year: 2033, ...c }, { fundingSource: 'charity' });
      await countPaidDisbursement(authorised, paid);
    }

    const [row] = (await aidUsageReport(2033)).rows;

    expect(row?.source).toBe('charity');
    expect(row?.families).toEqual({ amount: rub(1_000_000), persons: 2 });
    expect(row?.disabled.persons).toBe(1);
    expect(row?.pensioners.persons).toBe(1);
    expect(row?.other.persons).toBe(1);
    expect(row?.adults).toEqual({ amount: rub(1_500_000), persons: 3 });
  });

  it('counts nothing for a disbursement that is not newly paid', async () => {
    const { authorised, paid } = await paidCase({ year: 2034 });

    const batched = await countPaidDisbursement(authorised, { ...authorised, status: 'batched' });
    const touched = await countPaidDisbursement(paid, { ...paid, version: paid.version + 1 });

    expect([batched, touched]).toEqual([undefined, undefined]);
    expect((await aidUsageReport(2034)).rows).toEqual([]);
  });

  it('writes the report as CSV: a line per row and a TOTAL line, amounts in roubles', async () => {
    const csv = aidUsageCsv(await aidUsageReport(2033));
    const lines = csv.split('\r\n');

    expect(lines[0]).toBe(
      'source,aid_type,currency,adults_amount,adults_persons,disabled_amount,disabled_persons,pensioners_amount,pensioners_persons,other_amount,other_persons,families_amount,families_persons',
    );
    expect(lines[1]).toBe('charity,cash,RUB,15000.00,3,5000.00,1,5000.00,1,5000.00,1,10000.00,2');
    expect(lines[2]).toBe('TOTAL,,RUB,15000.00,3,5000.00,1,5000.00,1,5000.00,1,10000.00,2');
    expect(lines.at(-1)).toBe('');
  });
});

describe('the budgets report', () => {
  const year = 2035;
  beforeAll(async () => {
    const line = (
      source: string,
      f: { opening: number; allocated: number; reserved: number; spent: number },
    ) =>
      put({
        ...keys.budget(year, source),
        type: 'Budget',
        source,
        year,
        currency: 'RUB',
        ...f,
        remaining: f.opening + f.allocated - f.reserved - f.spent,
        version: 1,
      });
    await line('regional_budget', {
      opening: 100_000,
      allocated: 5_000_000,
      reserved: 300_000,
      spent: 800_000,
    });
    await line('charity', { opening: 0, allocated: 1_000_000, reserved: 0, spent: 0 });
    const adult = await paidCase({ year, categories: ['pensioner'] }, { amount: rub(500_000) });
    const family = await paidCase(
      { year, categories: ['large_family'], aidType: 'school_start' },
      { amount: rub(300_000), aidType: 'school_start' },
    );
    await countPaidDisbursement(adult.authorised, adult.paid);
    await countPaidDisbursement(family.authorised, family.paid);
  });

  it('shows each source’s movement, spending split between adults and families, closing = opening + allocated − spent', async () => {
    const report = await budgetsReport(year);

    expect(report.rows.map((r) => r.source)).toEqual(['charity', 'regional_budget']);
    expect(report.rows[1]).toEqual({
      source: 'regional_budget',
      opening: rub(100_000),
      allocated: rub(5_000_000),
      reserved: rub(300_000),
      spent: rub(800_000),
      spentOnAdults: rub(500_000),
      spentOnFamilies: rub(300_000),
      closing: rub(4_300_000),
      remaining: rub(4_000_000),
    });
    expect(report.totals.closing).toEqual(rub(5_300_000));
    expect(report.totals.spentOnFamilies).toEqual(rub(300_000));
  });

  it('writes the same as CSV', async () => {
    const lines = budgetsCsv(await budgetsReport(year)).split('\r\n');

    expect(lines[0]).toBe(
      'source,currency,opening,allocated,reserved,spent,spentOnAdults,spentOnFamilies,closing,remaining',
    );
    expect(lines[2]).toBe(
      'regional_budget,RUB,1000.00,50000.00,3000.00,8000.00,5000.00,3000.00,43000.00,40000.00',
    );
    expect(lines[3]).toMatch(/^TOTAL,RUB,/);
  });
});

describe('the cost of the reports', () => {
  const year = 2040;

  /** The requests the handlers' DynamoDB client sends while `run` runs, each with the items it read. */
  async function requestsOf(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const name = `count-${Math.random()}`;
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const read = (result.output as { ScannedCount?: number; Item?: unknown }).ScannedCount;
        sent.push(`${String(context.commandName)} read ${read ?? 1}`);
        return result;
      },
      { step: 'initialize', name },
    );
    try {
      await run();
    } finally {
      dynamo().middlewareStack.remove(name);
    }
    return sent;
  }

  async function payCases(count: number, from: number) {
    const sources = ['regional_budget', 'municipal_programme'];
    const aidTypes = ['cash', 'food_set', 'fuel'];
    const batch: { aidCase: ReturnType<typeof aidCaseItem>; d: ReturnType<typeof disbursementItem> }[] = [];
    for (let i = from; i < from + count; i++) {
      const aidCase = aidCaseItem({
        year,
        aidType: aidTypes[i % 3],
        categories: i % 2 === 0 ? ['pensioner'] : ['family_with_children'],
      });
      batch.push({ aidCase, d: disbursementItem(aidCase, { fundingSource: sources[i % 2] }) });
    }
    for (let i = 0; i < batch.length; i += 25) {
      await table.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [table.tableName]: batch
              .slice(i, i + 25)
              .map(({ aidCase }) => ({ PutRequest: { Item: aidCase } })),
          },
        }),
      );
    }
    for (const { d } of batch) await countPaidDisbursement(d, { ...d, status: 'paid' });
  }

  it('does not grow with the number of paid cases: the same requests for 10 cases as for 200', {
    timeout: 180_000,
  }, async () => {
    await put({
      ...keys.budget(year, 'regional_budget'),
      type: 'Budget',
      source: 'regional_budget',
      year,
      currency: 'RUB',
      opening: 0,
      allocated: 1e9,
      reserved: 0,
      spent: 0,
      remaining: 1e9,
      version: 1,
    });
    await payCases(10, 0);
    const for10 = await requestsOf(async () => {
      await aidUsageReport(year);
      await budgetsReport(year);
    });
    const report10 = await aidUsageReport(year);

    await payCases(190, 10);
    let report200 = report10;
    const for200 = await requestsOf(async () => {
      report200 = await aidUsageReport(year);
      await budgetsReport(year);
    });

    expect(report10.totals.adults.persons + report10.totals.families.persons).toBe(10);
    expect(report200.totals.adults.persons + report200.totals.families.persons).toBe(200);
    expect(report200.rows).toHaveLength(6);
    // The budgets report runs its two queries at once: compare without their order.
    expect(for200.sort()).toEqual(for10.sort());
    // Usage rows (sources × aid types = 6), then budget lines (1) and usage rows again.
    expect(for10.sort()).toEqual(['QueryCommand read 1', 'QueryCommand read 6', 'QueryCommand read 6']);
  });
});
