import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../functions/lib/store/keys.js';
import { countPaidDisbursement } from '../functions/use-cases/reports/aid-usage.js';
import { appTableName, type Runtime } from '../local/runtime.js';
import { ApiClient } from '../test/support/api-client.js';
import { bareClient } from './runtime-bench.js';
import { median, percentile, runConcurrently } from './stats.js';

/** Years far from the demo data, one per population, so both are measured side by side. */
const smallYear = 2091;
const largeYear = 2092;

const sources = ['regional_budget', 'municipal_programme', 'charity'] as const;
const aidTypes = ['cash', 'food_set', 'fuel', 'medical_treatment', 'school_start'] as const;
// A spread over DOMAIN.md's report groups: pensioners, disabled, other adults, families.
const profiles = [
  { categories: ['pensioner'], children: 0 },
  { categories: ['disabled'], children: 0 },
  { categories: ['low_income'], children: 0 },
  { categories: ['large_family'], children: 3 },
] as const;

export interface ReportScaling {
  readonly ratio10kTo1k: number;
  readonly small: { readonly cases: number; readonly p50Ms: number; readonly p90Ms: number };
  readonly large: { readonly cases: number; readonly p50Ms: number; readonly p90Ms: number };
  readonly seedSeconds: number;
}

/**
 * `reportScaling.ratio10kTo1k`: the aid-usage report's latency with 10 000 paid cases in its year
 * ÷ with 1 000. The paid cases go through the real aggregation (the stream consumer's
 * `countPaidDisbursement`, one call per paid disbursement, as the table stream makes it), over case
 * items written directly (driving 11 000 cases through the workflows would take an hour here and
 * measures nothing more for this figure). Then the two years' reports are requested alternately
 * through the local HTTP server, so that both see the same machine.
 */
export async function measureReportScaling(
  runtime: Runtime,
  options: { small: number; large: number; requests: number; concurrency: number; log: (l: string) => void },
): Promise<ReportScaling> {
  const began = performance.now();
  await seedPaidCases(runtime, smallYear, options.small, options.concurrency);
  options.log(`  ${options.small} paid cases in ${smallYear}`);
  await seedPaidCases(runtime, largeYear, options.large, options.concurrency);
  options.log(`  ${options.large} paid cases in ${largeYear}`);
  const seedSeconds = (performance.now() - began) / 1000;

  const api = new ApiClient(runtime.url);
  const token = await api.signIn('finance');
  const timeReport = async (year: number) => {
    const t = performance.now();
    const res = await api.request('GET', `/v1/reports/aid-usage?year=${year}`, { token });
    if (res.status !== 200) throw new Error(`aid-usage report ${year}: ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 5; i++) {
    await timeReport(smallYear);
    await timeReport(largeYear);
  }
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    // Alternating, and swapping which goes first, so neither gets the warmer turn.
    if (i % 2 === 0) {
      small.push(await timeReport(smallYear));
      large.push(await timeReport(largeYear));
    } else {
      large.push(await timeReport(largeYear));
      small.push(await timeReport(smallYear));
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    ratio10kTo1k: round(median(large) / median(small)),
    small: { cases: options.small, p50Ms: round(median(small)), p90Ms: round(percentile(small, 90)) },
    large: { cases: options.large, p50Ms: round(median(large)), p90Ms: round(percentile(large, 90)) },
    seedSeconds: Math.round(seedSeconds),
  };
}

async function seedPaidCases(runtime: Runtime, year: number, count: number, concurrency: number) {
  const bare = bareClient(runtime);
  const cases = Array.from({ length: count }, (_, i) => {
    const profile = profiles[i % profiles.length] ?? profiles[0];
    const caseId = `bench-report-${year}-${i}`;
    return {
      item: {
        ...keys.case(caseId),
        type: 'AidCase',
        caseId,
        kind: 'aid',
        year,
        status: 'paid',
        categories: [...profile.categories],
        household: {
          size: 1 + profile.children,
          children: profile.children,
          monthlyIncome: { currency: 'RUB', minor: 1_500_000 },
        },
        // Some people are paid twice (a second aid type): persons must not double.
        personKey: `bench-person-${year}-${i % Math.ceil(count * 0.9)}`,
      },
      disbursement: {
        type: 'Disbursement',
        status: 'paid',
        disbursementId: `dsb_${caseId}`,
        caseId,
        fundingSource: sources[i % sources.length],
        aidType: aidTypes[i % aidTypes.length],
        amount: { currency: 'RUB', minor: 100_000 + (i % 50) * 10_000 },
      },
    };
  });
  const batches = Math.ceil(cases.length / 25);
  await runConcurrently(batches, concurrency, async (b) => {
    let items = cases.slice(b * 25, b * 25 + 25).map((c) => ({ PutRequest: { Item: c.item } }));
    while (items.length > 0) {
      const out = await bare.send(new BatchWriteCommand({ RequestItems: { [appTableName]: items } }));
      items = (out.UnprocessedItems?.[appTableName] ?? []) as typeof items;
    }
  });
  bare.destroy();
  await runConcurrently(cases.length, concurrency, async (i) => {
    const c = cases[i];
    if (c) await countPaidDisbursement({ ...c.disbursement, status: 'batched' }, c.disbursement);
  });
}
