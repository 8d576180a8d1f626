import * as z from 'zod/mini';
import { aidStatuses } from '../../domain/aid-lifecycle.js';
import { appealStatuses } from '../../domain/appeal-lifecycle.js';
import { referenceSchema } from '../../domain/reference.js';
import { codeEnum } from '../../domain/schema-helpers.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { pageQuerySchema, parseQuery } from '../lib/query.js';
import { casesOfPerson } from '../use-cases/person-cases.js';
import { searchCases } from '../use-cases/staff-cases.js';

const query = z.extend(pageQuerySchema, {
  status: z.optional(codeEnum('Status', [...aidStatuses, ...appealStatuses])),
  kind: z.optional(codeEnum('Kind', ['aid', 'appeal'])),
  reference: z.optional(referenceSchema),
  // A caller without their reference: the name on the application with the date of birth or the
  // national id (person-cases.ts).
  fullName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  birthDate: z.optional(z.iso.date()),
  nationalId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
});

export const handler = httpRoute({ action: 'cases:search' }, async (req) => {
  const { status, kind, reference, limit, cursor, fullName, birthDate, nationalId } = parseQuery(
    query,
    req.query,
  );
  if (fullName !== undefined || birthDate !== undefined || nationalId !== undefined) {
    if (!fullName || (!birthDate && !nationalId)) {
      throw new ValidationError([
        { path: 'fullName', message: 'Give the full name with the date of birth or the national id.' },
      ]);
    }
    return { status: 200, body: await casesOfPerson({ fullName, birthDate, nationalId }) };
  }
  return { status: 200, body: await searchCases({ status, kind, reference, limit, cursor }) };
});
