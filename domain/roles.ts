import type { LocalizedText } from './catalogue.js';

/** Staff roles: the Cognito groups of API.md, carried in the `cognito:groups` claim. */
export const roles = ['clerk', 'reviewer', 'head', 'commission', 'finance', 'admin', 'auditor'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Keeps the known roles of a token's groups; other groups (e.g. Cognito's own) are ignored. */
export function rolesOf(groups: readonly string[]): Role[] {
  return roles.filter((r) => groups.includes(r));
}

export const roleNames: Readonly<Record<Role, LocalizedText>> = {
  clerk: { en: 'clerk', uk: 'діловод', ru: 'делопроизводитель', zh: '登记员' },
  reviewer: { en: 'reviewing specialist', uk: 'спеціаліст', ru: 'специалист', zh: '审核专员' },
  head: { en: 'head of department', uk: 'начальник відділу', ru: 'заведующий отделением', zh: '科室负责人' },
  commission: { en: 'commission member', uk: 'член комісії', ru: 'член комиссии', zh: '委员会成员' },
  finance: { en: 'finance officer', uk: 'бухгалтер', ru: 'бухгалтер', zh: '财务人员' },
  admin: { en: 'administrator', uk: 'адміністратор', ru: 'администратор', zh: '系统管理员' },
  auditor: { en: 'auditor', uk: 'аудитор', ru: 'аудитор', zh: '审计员' },
};
