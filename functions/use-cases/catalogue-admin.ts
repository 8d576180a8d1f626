import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { catalogueCodeSchema } from '../../domain/catalogue-code-schema.js';
import {
  type CatalogueKind,
  type CatalogueKindPath,
  catalogueKindPaths,
  seedCatalogueFacts,
} from '../../domain/catalogue-entries.js';
import { catalogueEntrySchemas } from '../../domain/catalogue-entry-schemas.js';
import { dynamo, tableName } from '../lib/clients.js';
import { type FieldError, NotFoundError, PreconditionFailedError, ValidationError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { zodIssuesToFieldErrors } from '../lib/http.js';
import { currentCatalogue, forgetCachedCatalogue } from '../lib/store/catalogue.js';
import { keys } from '../lib/store/keys.js';

function kindOf(path: string): CatalogueKind {
  if (!Object.hasOwn(catalogueKindPaths, path)) {
    throw new NotFoundError(
      `There is no catalogue kind "${path}"; use one of: ${Object.keys(catalogueKindPaths).join(', ')}.`,
    );
  }
  return catalogueKindPaths[path as CatalogueKindPath];
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = zodIssuesToFieldErrors(parsed.error.issues);
  throw new ValidationError(
    prefix ? errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix })) : errors,
  );
}

/** The 412 of an "add" whose code is taken: the entry is changed only when asked to (a PUT without If-None-Match). */
function codeTaken(kindPath: string, code: string): PreconditionFailedError {
  return new PreconditionFailedError(
    `The catalogue already has "${code}" in ${kindPath}; nothing was changed. Choose another code to add an entry, or change this one (PUT without If-None-Match).`,
    { code: 'catalogue_code_taken', kind: kindPath, entryCode: code, exists: true },
  );
}

/**
 * Adds or changes a catalogue entry (PUT /v1/catalogue/{kind}/{code}). Applicants may choose a new
 * aid type or category as soon as the intake's cached catalogue is renewed (within a minute; at
 * once in this container). An aid type is offered only once it also has a rule set in force.
 *
 * `createOnly` (the request's `If-None-Match: *`) adds and never changes: a code that is stored,
 * or is in the release's seed (offered even where nobody stored it), answers 412 and writes
 * nothing. The write is conditional on the code not being stored, so two admins adding the same
 * code at once cannot both succeed.
 */
export async function putCatalogueEntry(input: {
  kindPath: string;
  code: string;
  body: unknown;
  principal: Principal;
  now: Date;
  createOnly?: boolean;
}): Promise<{ kind: CatalogueKindPath; code: string; created: boolean; entry: Record<string, unknown> }> {
  const kind = kindOf(input.kindPath);
  const code = parse(catalogueCodeSchema('Code'), input.code, 'code');
  const entry = parse(catalogueEntrySchemas[kind], input.body) as Record<string, unknown>;
  const inSeed = seedCatalogueFacts()[kind].some((e) => e.code === code);
  if (input.createOnly && inSeed) throw codeTaken(input.kindPath, code);
  if (kind === 'aidTypes') {
    // A write reads what is stored now, not this container's cached copy.
    forgetCachedCatalogue();
    const known = new Set((await currentCatalogue()).catalogue.fundingSources.map((s) => s.code));
    const unknown: FieldError[] = (entry.defaultFundingSources as string[]).flatMap((source, i) =>
      known.has(source)
        ? []
        : [
            {
              path: `defaultFundingSources.${i}`,
              message: `Unknown funding source "${source}". Use one of: ${[...known].join(', ')}.`,
            },
          ],
    );
    if (unknown.length > 0) throw new ValidationError(unknown);
  }
  const written = dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.catalogue(kind, code),
        type: 'CatalogueEntry',
        catalogueKind: kind,
        code,
        ...entry,
        updatedAt: input.now.toISOString(),
        updatedBy: input.principal.username,
      },
      ReturnValues: 'ALL_OLD',
      ...(input.createOnly ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
    }),
  );
  const { Attributes } = await written.catch((error: Error) => {
    if (input.createOnly && error.name === 'ConditionalCheckFailedException') {
      throw codeTaken(input.kindPath, code);
    }
    throw error;
  });
  forgetCachedCatalogue();
  return {
    kind: input.kindPath as CatalogueKindPath,
    code,
    created: !Attributes && !inSeed,
    entry: { code, ...entry },
  };
}
