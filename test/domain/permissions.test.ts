import { describe, expect, it } from 'vitest';
import {
  type Action,
  actionDescriptions,
  actions,
  can,
  explainDenial,
  permissions,
} from '../../domain/permissions.js';
import { isRole, roles, rolesOf } from '../../domain/roles.js';
import { taskRole, taskTypes } from '../../domain/tasks.js';

describe('permission matrix', () => {
  it('covers every action with at least one known role and a description', () => {
    expect(Object.keys(permissions).sort()).toEqual([...actions].sort());
    for (const action of actions) {
      expect(permissions[action].length, action).toBeGreaterThan(0);
      expect(permissions[action].every(isRole), action).toBe(true);
      expect(actionDescriptions[action], action).not.toBe('');
    }
  });

  const apiRules: [Action, string[]][] = [
    ['budgets:read', ['finance', 'head', 'admin', 'auditor']],
    ['budgets:write', ['admin']],
    ['reports:read', ['head', 'finance', 'admin', 'auditor']],
    ['cases:audit', ['auditor', 'head']],
    ['appeals:register-channel', ['clerk']],
    ['batches:create', ['finance']],
    ['batches:read', ['finance', 'auditor']],
    // Marking a batch sent is what stops it going to the bank twice: finance only.
    ['batches:send', ['finance']],
    ['settlements:record', ['finance']],
    // Who staff are as applicants: recorded and checked by the administrator only.
    ['staff:write', ['admin']],
    ['staff:read', ['admin']],
  ];

  it.each(apiRules)('gives %s exactly to the roles API.md names', (action, expected) => {
    expect([...permissions[action]].sort()).toEqual([...expected].sort());
  });

  it('lets every role that owns a task type list, read and decide tasks', () => {
    for (const type of taskTypes) {
      for (const action of ['tasks:list', 'tasks:read', 'tasks:decide'] as const) {
        expect(can([taskRole[type]], action), `${taskRole[type]} ${action}`).toBe(true);
      }
    }
  });

  it('grants when any one of several roles is enough, and ignores groups that are not roles', () => {
    expect(can(['us-east-1_pool_Google', 'clerk', 'finance'], 'batches:create')).toBe(true);
    expect(can(['clerk'], 'batches:create')).toBe(false);
    expect(can([], 'reports:read')).toBe(false);
    expect(rolesOf(['Admins', 'auditor', 'head'])).toEqual(['head', 'auditor']);
  });

  it('keeps the auditor read-only', () => {
    const writes = actions.filter((a) => /:(write|create|decide|record|register-channel|send)$/.test(a));
    for (const action of writes) expect(can(['auditor'], action), action).toBe(false);
  });

  it('explains a denial with what was needed and what the caller has', () => {
    expect(explainDenial(['clerk'], 'budgets:write')).toBe(
      'You may not change a budget: this needs one of the roles admin, and your roles are: clerk.',
    );
    expect(explainDenial([], 'reports:read')).toBe(
      'You may not read reports: this needs one of the roles head, finance, admin, auditor, and you have no staff role.',
    );
  });

  it('knows the seven roles of API.md', () => {
    expect([...roles].sort()).toEqual([
      'admin',
      'auditor',
      'clerk',
      'commission',
      'finance',
      'head',
      'reviewer',
    ]);
  });
});
