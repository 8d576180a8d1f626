import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { catalogueCodeSchema } from '../../domain/catalogue-code-schema.js';
import {
  type CatalogueKind,
  type CatalogueKindPath,
  catalogueKindPaths,
} from '../../domain/catalogue-entries.js';
import { catalogueEntrySchemas } from '../../domain/catalogue-entry-schemas.js';
import { dynamo, tableName } from '../lib/clients.js';
import { type FieldError, NotFoundError, ValidationError } from '../lib/errors.js';
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

/**
 * Adds or changes a catalogue entry (PUT /v1/catalogue/{kind}/{code}). Applicants may choose a new
 * aid type or category as soon as the intake's cached catalogue is renewed (within a minute; at
 * once in this container). An aid type is offered only once it also has a rule set in force.
 */
export async function putCatalogueEntry(input: {
  kindPath: string;
  code: string;
  body: unknown;
  principal: Principal;
  now: Date;
}): Promise<{ kind: CatalogueKindPath; code: string; created: boolean; entry: Record<string, unknown> }> {
  const kind = kindOf(input.kindPath);
  const code = parse(catalogueCodeSchema('Code'), input.code, 'code');
  const entry = parse(catalogueEntrySchemas[kind], input.body) as Record<string, unknown>;
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
  const { Attributes } = await dynamo().send(
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
    }),
  );
  forgetCachedCatalogue();
  return { kind: input.kindPath as CatalogueKindPath, code, created: !Attributes, entry: { code, ...entry } };
}
