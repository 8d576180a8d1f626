import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { fundingSourceCodes } from '../domain/catalogue.js';
import { catalogueSeed } from '../domain/catalogue-seed.js';
import { demoPolicy, demoRuleSets } from '../domain/eligibility-demo.js';
import { demoApprovalLadder } from '../domain/review-ladder.js';
import { keys } from '../functions/lib/store/keys.js';
import { personKeysOf } from '../functions/use-cases/staff-identity.js';
import { batchWriteAll } from './batch-write.js';

/** Demo budget lines per funding source (RUB, minor units): enough for a demo, finite enough to run out. */
export const demoBudgets: Record<string, number> = {
  regional_budget: 200_000_000,
  municipal_programme: 100_000_000,
  own_income: 30_000_000,
  charity: 20_000_000,
  other_sources: 10_000_000,
};

const seedVersion = 1;

/**
 * Who the demo staff are as people (as they would write it on an application), so that
 * segregation of duties can be tried: apply as "Ольга Николаевна Смирнова", born 1979-06-21, and
 * `reviewer` may not decide the case, `reviewer2` may. Only person keys are stored.
 */
export const demoStaffIdentities: Readonly<Record<string, { fullName: string; birthDate: string }>> = {
  clerk: { fullName: 'Ирина Сергеевна Орлова', birthDate: '1985-03-14' },
  reviewer: { fullName: 'Ольга Николаевна Смирнова', birthDate: '1979-06-21' },
  reviewer2: { fullName: 'Дмитрий Андреевич Козлов', birthDate: '1983-11-02' },
  head: { fullName: 'Наталья Викторовна Белова', birthDate: '1970-01-30' },
  commission1: { fullName: 'Сергей Петрович Волков', birthDate: '1965-08-09' },
  commission2: { fullName: 'Елена Игоревна Морозова', birthDate: '1972-04-17' },
  commission3: { fullName: 'Андрей Васильевич Новиков', birthDate: '1968-12-05' },
  commission4: { fullName: 'Людмила Борисовна Фёдорова', birthDate: '1963-10-22' },
  commission5: { fullName: 'Виктор Геннадьевич Зайцев', birthDate: '1974-06-08' },
  finance: { fullName: 'Татьяна Олеговна Лебедева', birthDate: '1981-09-25' },
  finance2: { fullName: 'Максим Юрьевич Соколов', birthDate: '1987-02-11' },
  admin: { fullName: 'Алексей Дмитриевич Попов', birthDate: '1990-07-07' },
  auditor: { fullName: 'Марина Павловна Кузнецова', birthDate: '1976-05-19' },
};

/**
 * Their identity items, once per member and table: the marker lists who was seeded, so demo staff
 * added later (the commission's substitutes) get theirs in a table seeded before they existed,
 * and an identity the administrator changed since is never written over.
 */
async function seedDemoStaffIdentities(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const marker = { pk: 'SEED', sk: 'STAFF_IDENTITIES' };
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }),
  );
  // A marker without the list is from before it had one: it seeded the eleven first demo staff.
  const seeded = new Set<string>(Item ? ((Item.usernames as string[] | undefined) ?? firstDemoStaff) : []);
  const missing = Object.entries(demoStaffIdentities).filter(([username]) => !seeded.has(username));
  if (missing.length === 0) return;
  const at = new Date().toISOString();
  await writeAll(
    doc,
    tableName,
    missing.map(([username, identity]) => ({
      ...keys.staffIdentity(username),
      type: 'StaffIdentity',
      username,
      personKeys: personKeysOf(identity),
      updatedAt: at,
      updatedBy: 'seed',
    })),
  );
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...marker, type: 'Seed', usernames: [...seeded, ...missing.map(([u]) => u)] },
    }),
  );
}

/** The demo staff the identity seed's first marker stood for. */
const firstDemoStaff = [
  'clerk',
  'reviewer',
  'reviewer2',
  'head',
  'commission1',
  'commission2',
  'commission3',
  'finance',
  'finance2',
  'admin',
  'auditor',
];

function writeAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
): Promise<void> {
  return batchWriteAll(
    doc,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
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
  await seedDemoStaffIdentities(doc, tableName);
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
