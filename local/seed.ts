import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { catalogueSeed, fundingSourceCodes } from '../domain/catalogue.js';
import { demoPolicy, demoRuleSets } from '../domain/eligibility.js';
import { demoApprovalLadder } from '../domain/review-ladder.js';
import { keys } from '../functions/lib/store/keys.js';

/** Demo budget lines per funding source (RUB, minor units): enough for a demo, finite enough to run out. */
export const demoBudgets: Record<string, number> = {
  regional_budget: 200_000_000,
  municipal_programme: 100_000_000,
  own_income: 30_000_000,
  charity: 20_000_000,
  other_sources: 10_000_000,
};

const seedVersion = 1;

async function writeAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await doc.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

/**
 * The demo data of DOMAIN.md: the catalogue, the demo rule sets and policy values, the approval
 * ladder, and budgets for the given year. Written once per table (a marker item says so), so a
 * restart never resets what an administrator changed.
 */
export async function seedDemoData(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: { year: number; currency?: string },
): Promise<boolean> {
  const marker = { pk: 'SEED', sk: 'DEMO' };
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }),
  );
  if (Item && Number(Item.version) >= seedVersion) return false;
  const currency = options.currency ?? 'RUB';

  const items: Record<string, unknown>[] = [];
  for (const [kind, entries] of Object.entries(catalogueSeed)) {
    for (const entry of entries as readonly { code: string }[]) {
      items.push({ ...keys.catalogue(kind, entry.code), type: 'CatalogueEntry', kind, ...entry });
    }
  }
  for (const ruleSet of demoRuleSets) {
    items.push({
      ...keys.ruleSet(ruleSet.aidType, ruleSet.effectiveFrom, ruleSet.version),
      type: 'RuleSet',
      aidType: ruleSet.aidType,
      ruleSet,
    });
  }
  items.push({
    ...keys.policy('subsistence-minimum', demoPolicy.effectiveFrom ?? '2026-01-01'),
    type: 'Policy',
    value: demoPolicy,
  });
  items.push({ ...keys.approvalLadder(), type: 'Policy', value: demoApprovalLadder });
  for (const source of fundingSourceCodes) {
    const allocated = demoBudgets[source] ?? 0;
    items.push({
      ...keys.budget(options.year, source),
      type: 'Budget',
      source,
      year: options.year,
      currency,
      opening: 0,
      allocated,
      reserved: 0,
      spent: 0,
      remaining: allocated,
      version: 1,
    });
  }
  await writeAll(doc, tableName, items);
  await doc.send(
    new PutCommand({ TableName: tableName, Item: { ...marker, version: seedVersion, type: 'Seed' } }),
  );
  return true;
}
