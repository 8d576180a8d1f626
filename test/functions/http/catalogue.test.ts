import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../domain/dates.js';
import { ruleSetHash } from '../../../domain/eligibility.js';
import { demoRuleSets } from '../../../domain/eligibility-demo.js';
import { handler as createRuleSet } from '../../../functions/http/create-rule-set.js';
import { handler as getCatalogue } from '../../../functions/http/get-catalogue.js';
import { handler as listRuleSets } from '../../../functions/http/list-rule-sets.js';
import { handler as putEntry } from '../../../functions/http/put-catalogue-entry.js';
import { handler as submit } from '../../../functions/http/submit-aid-application.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { distinctApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Handler = (event: never, context: typeof lambdaContext) => Promise<unknown>;
type Json = Record<string, unknown>;

async function call(
  handler: Handler,
  input: {
    method: string;
    path: string;
    pathParameters?: Record<string, string>;
    body?: unknown;
    as?: string;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; json: Json }> {
  const role = input.as;
  const res = (await handler(
    httpEvent({
      method: input.method,
      path: input.path,
      ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
      ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
      ...(role ? { claims: staffClaims(role, [role]) } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
    }) as never,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2 & { body: string };
  return { status: res.statusCode ?? 0, json: JSON.parse(res.body || '{}') as Json };
}

const names = (en: string) => ({ en, uk: `${en} (uk)`, ru: `${en} (ru)`, zh: `${en} (zh)` });

const putAidType = (code: string, body: unknown, as = 'admin', headers?: Record<string, string>) =>
  call(putEntry, {
    method: 'PUT',
    path: `/v1/catalogue/aid-types/${code}`,
    pathParameters: { kind: 'aid-types', code },
    body,
    as,
    ...(headers ? { headers } : {}),
  });

/** "Add an entry": a PUT that only creates (If-None-Match: *). */
const addAidType = (code: string, body: unknown) => putAidType(code, body, 'admin', { 'if-none-match': '*' });

const apply = (body: Json) => call(submit, { method: 'POST', path: '/v1/aid-applications', body });

// The office's today (Moscow, the default jurisdiction): from 21:00 UTC it is already tomorrow there.
const today = toIsoDate(new Date(), 'Europe/Moscow');
const cashRules = demoRuleSets.find((r) => r.aidType === 'cash');
if (!cashRules) throw new Error('the demo rule sets have no cash rules');

describe('the catalogue and the rule sets through the API', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  it('serves the catalogue publicly, every entry named in the four languages', async () => {
    const res = await call(getCatalogue, { method: 'GET', path: '/v1/catalogue' });

    const body = res.json as { recipientCategories: Json[]; aidTypes: Json[]; fundingSources: Json[] };
    expect(res.status).toBe(200);
    expect([body.recipientCategories.length, body.aidTypes.length, body.fundingSources.length]).toEqual([
      16, 15, 5,
    ]);
    for (const entry of [...body.recipientCategories, ...body.aidTypes, ...body.fundingSources]) {
      expect(Object.keys(entry.name as Json).sort()).toEqual(['en', 'ru', 'uk', 'zh']);
    }
    expect(body.aidTypes.find((t) => t.code === 'cash')).toMatchObject({
      kind: 'money',
      defaultFundingSources: ['regional_budget', 'municipal_programme'],
    });
  });

  it('lets only an administrator change it, and checks every name and funding source', async () => {
    const valid = { name: names('coal delivery'), kind: 'in_kind', defaultFundingSources: ['charity'] };

    const byReviewer = await putAidType('coal_delivery', valid, 'reviewer');
    const noChinese = await putAidType('coal_delivery', { ...valid, name: { ...names('coal'), zh: '' } });
    const unknownSource = await putAidType('coal_delivery', {
      ...valid,
      defaultFundingSources: ['oil_money'],
    });
    const badCode = await putAidType('Coal Delivery', valid);

    expect(byReviewer.status).toBe(403);
    expect(String(byReviewer.json.detail)).toContain('admin');
    expect(noChinese.status).toBe(400);
    expect((noChinese.json.errors as { path: string }[]).map((e) => e.path)).toEqual(['name.zh']);
    expect(unknownSource.status).toBe(400);
    expect((unknownSource.json.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'defaultFundingSources.0',
    ]);
    expect(badCode.status).toBe(400);
  });

  it('offers a new aid type without a release once it has a rule set, and still refuses unknown codes', async () => {
    // Arrange
    const added = await putAidType('coal_delivery', {
      name: names('coal delivery'),
      kind: 'in_kind',
      defaultFundingSources: ['charity'],
    });
    const category = await call(putEntry, {
      method: 'PUT',
      path: '/v1/catalogue/recipient-categories/miner_widow',
      pathParameters: { kind: 'recipient-categories', code: 'miner_widow' },
      body: { name: names("miner's widow") },
      as: 'admin',
    });
    const application = distinctApplication({ aidType: 'coal_delivery', categories: ['miner_widow'] });
    const beforeRules = await apply(application);
    const rules = await call(createRuleSet, {
      method: 'POST',
      path: '/v1/rule-sets/coal_delivery',
      pathParameters: { aidType: 'coal_delivery' },
      body: { id: 'coal-2026', effectiveFrom: today, rules: cashRules.rules },
      as: 'admin',
    });

    // Act
    const accepted = await apply(application);
    const unknown = await apply(distinctApplication({ aidType: 'gold_bars', categories: ['martian'] }));

    // Assert
    expect([added.status, category.status]).toEqual([201, 201]);
    expect(beforeRules.status).toBe(400);
    expect((beforeRules.json.errors as { path: string }[]).map((e) => e.path)).toEqual(['aidType']);
    expect(rules).toMatchObject({ status: 201, json: { version: 1, effectiveFrom: today } });
    expect(accepted.status).toBe(201);
    expect(unknown.status).toBe(400);
    expect((unknown.json.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'aidType',
      'categories.0',
    ]);
    const listed = await call(getCatalogue, { method: 'GET', path: '/v1/catalogue' });
    expect((listed.json.aidTypes as Json[]).at(-1)).toMatchObject({ code: 'coal_delivery' });
  });

  it('refuses to add a code the catalogue already has, changing nothing, and still lets the entry be changed', async () => {
    // Arrange: "fuel" is in the release; "peat_delivery" an administrator added earlier.
    const before = await call(getCatalogue, { method: 'GET', path: '/v1/catalogue' });
    const fuelBefore = (before.json.aidTypes as Json[]).find((t) => t.code === 'fuel');
    const peat = { name: names('peat delivery'), kind: 'in_kind', defaultFundingSources: ['charity'] };
    const firstAdd = await addAidType('peat_delivery', peat);
    const replacement = { name: names('fuel, replaced'), kind: 'money', defaultFundingSources: ['charity'] };

    // Act
    const fuelAgain = await addAidType('fuel', replacement);
    const peatAgain = await addAidType('peat_delivery', { ...peat, name: names('peat, replaced') });
    const oddCondition = await putAidType('peat_delivery', peat, 'admin', { 'if-none-match': '"v1"' });
    const listed = await call(getCatalogue, { method: 'GET', path: '/v1/catalogue' });
    const changed = await putAidType('peat_delivery', { ...peat, name: names('peat briquettes') });
    const afterChange = await call(getCatalogue, { method: 'GET', path: '/v1/catalogue' });

    // Assert
    expect(firstAdd).toMatchObject({ status: 201, json: { created: true } });
    expect(fuelAgain).toMatchObject({
      status: 412,
      json: { code: 'catalogue_code_taken', kind: 'aid-types', entryCode: 'fuel', exists: true },
    });
    expect(String(fuelAgain.json.detail)).toContain('already has "fuel"');
    expect(peatAgain).toMatchObject({
      status: 412,
      json: { code: 'catalogue_code_taken', entryCode: 'peat_delivery' },
    });
    expect(oddCondition.status).toBe(400);
    const aidTypes = listed.json.aidTypes as Json[];
    expect(aidTypes.find((t) => t.code === 'fuel')).toEqual(fuelBefore);
    expect(aidTypes.find((t) => t.code === 'peat_delivery')).toMatchObject({ name: names('peat delivery') });
    expect(changed).toMatchObject({ status: 200, json: { created: false } });
    expect((afterChange.json.aidTypes as Json[]).find((t) => t.code === 'peat_delivery')).toMatchObject({
      name: names('peat briquettes'),
    });
  });

  it('lists the versions of a rule set with their dates and hashes', async () => {
    const res = await call(listRuleSets, {
      method: 'GET',
      path: '/v1/rule-sets/cash',
      pathParameters: { aidType: 'cash' },
      as: 'reviewer',
    });
    const unknown = await call(listRuleSets, {
      method: 'GET',
      path: '/v1/rule-sets/gold_bars',
      pathParameters: { aidType: 'gold_bars' },
      as: 'reviewer',
    });

    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      expect.objectContaining({
        id: cashRules.id,
        version: 1,
        effectiveFrom: cashRules.effectiveFrom,
        hash: ruleSetHash(cashRules),
        inForce: true,
      }),
    ]);
    expect(unknown.status).toBe(404);
  });

  it('adds a version without editing one, and cases keep the version pinned at submission', async () => {
    // Arrange
    const earlier = await apply(distinctApplication());
    const post = (body: Json) =>
      call(createRuleSet, {
        method: 'POST',
        path: '/v1/rule-sets/cash',
        pathParameters: { aidType: 'cash' },
        body,
        as: 'admin',
      });

    // Act
    const again = await post({
      id: 'cash-v1-again',
      version: 1,
      effectiveFrom: today,
      rules: cashRules.rules,
    });
    const past = await post({ id: 'cash-past', effectiveFrom: '2020-01-01', rules: cashRules.rules });
    const badRule = await post({
      id: 'cash-bad',
      effectiveFrom: today,
      rules: [
        { ...cashRules.rules[0], conditions: { all: [{ fact: 'shoeSize', operator: 'equal', value: 1 }] } },
      ],
    });
    const next = await post({ id: 'cash-2026-b', effectiveFrom: today, rules: cashRules.rules.slice(0, 2) });
    const later = await apply(distinctApplication());

    // Assert
    expect(again.status).toBe(409);
    expect(past.status).toBe(400);
    expect((past.json.errors as { path: string }[]).map((e) => e.path)).toEqual(['effectiveFrom']);
    expect(badRule.status).toBe(400);
    expect(next).toMatchObject({ status: 201, json: { version: 2, hash: expect.any(String) } });
    expect((await getCase(String(earlier.json.caseId)))?.ruleSet).toMatchObject({ version: 1 });
    expect((await getCase(String(later.json.caseId)))?.ruleSet).toMatchObject({
      id: 'cash-2026-b',
      version: 2,
      hash: next.json.hash,
    });
  });
});
