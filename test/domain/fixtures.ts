import type { AidApplication } from '../../domain/aid-application.js';

/** The body of API.md's `POST /v1/aid-applications` example, with its "…" filled in. */
export function exampleBody() {
  return {
    applicant: {
      fullName: 'Мария Ивановна Петрова',
      birthDate: '1950-04-02',
      email: 'm.petrova@example.org',
      phone: '+7 (913) 555-01-23',
      address: 'ул. Ленина, 1, кв. 5, Новосибирск',
      preferredLanguage: 'ru',
    },
    categories: ['pensioner', 'disabled'],
    household: { size: 2, children: 0, monthlyIncome: { currency: 'RUB', minor: 1800000 } },
    aidType: 'cash',
    requestedAmount: { currency: 'RUB', minor: 500000 },
    reason: 'Нужна помощь на покупку лекарств после операции.',
    payout: {
      method: 'bank_transfer',
      accountHolder: 'Петрова Мария Ивановна',
      iban: 'DE89 3704 0044 0532 0130 00',
      bic: 'COBADEFFXXX',
    },
  };
}

type Overrides = {
  applicant?: Partial<AidApplication['applicant']>;
  household?: Partial<AidApplication['household']>;
} & Partial<Omit<AidApplication, 'applicant' | 'household'>>;

/** A parsed application (the handler's view) with some fields replaced. */
export function anApplication(overrides: Overrides = {}): AidApplication {
  const { applicant, household, ...rest } = overrides;
  return {
    applicant: {
      fullName: 'Мария Петрова',
      birthDate: '1950-04-02',
      phone: '+7 913 555 01 23',
      preferredLanguage: 'ru',
      ...applicant,
    },
    categories: ['pensioner'],
    household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 }, ...household },
    aidType: 'cash',
    requestedAmount: { currency: 'RUB', minor: 1_000_000 },
    reason: 'Помощь',
    payout: { method: 'cash_desk' },
    ...rest,
  };
}

/** RUB in minor units, for readable test data: rub(15_000) is 15 000,00 ₽. */
export const rub = (major: number) => ({ currency: 'RUB', minor: Math.round(major * 100) });
