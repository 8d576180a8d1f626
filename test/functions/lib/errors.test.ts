import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  toProblem,
  ValidationError,
} from '../../../functions/lib/errors.js';

describe('the problem an error answers with', () => {
  it('names the kind of error as its code when the error names none', () => {
    expect(toProblem(new NotFoundError('There is no case X.'))).toEqual({
      type: 'https://aidflow.example.org/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'There is no case X.',
      code: 'not_found',
    });
  });

  it('takes a precise code and its fields from the error, on a refusal as on a conflict', () => {
    const refused = toProblem(new ForbiddenError('You are the applicant.', { code: 'own_application' }));
    const conflict = toProblem(new ConflictError('Closed.', { code: 'case_closed', caseStatus: 'paid' }));
    expect(refused).toMatchObject({ status: 403, code: 'own_application' });
    expect(conflict).toMatchObject({ status: 409, code: 'case_closed', caseStatus: 'paid' });
  });

  it('never lets a field of the error replace the status, title, type or detail of the problem', () => {
    const problem = toProblem(
      new ConflictError('Closed.', { status: 'paid', title: 'x', type: 'y', detail: 'z' }),
    );
    expect(problem).toMatchObject({
      status: 409,
      title: 'Conflict',
      type: 'https://aidflow.example.org/problems/conflict',
      detail: 'Closed.',
      code: 'conflict',
    });
  });

  it('lists the field errors of a validation error', () => {
    const problem = toProblem(new ValidationError([{ path: 'amount', message: 'Too small.' }]));
    expect(problem).toMatchObject({ status: 400, code: 'validation', errors: [{ path: 'amount' }] });
  });
});
