/** A small HTTP client for tests that drive the runtime through its public API, as clients do. */
export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (HTML page); keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  async signIn(username: string, password = 'demo'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.request<{ access_token: string }>('POST', '/auth/local/token', {
      body: { username, password },
    });
    if (res.status !== 200)
      throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.access_token);
    return res.body.access_token;
  }

  async as<T = Record<string, unknown>>(username: string, method: string, path: string, body?: unknown) {
    return this.request<T>(method, path, {
      token: await this.signIn(username),
      ...(body !== undefined ? { body } : {}),
    });
  }
}

/** A valid application (API.md's example) for a low-income pensioner couple. */
export function sampleApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: {
      fullName: 'Анна Петровна Иванова',
      birthDate: '1950-04-02',
      phone: '+7 912 345-67-89',
      address: 'ул. Ленина, 1, с. Берёзовка',
      preferredLanguage: 'ru',
    },
    categories: ['pensioner', 'disabled'],
    household: { size: 2, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_800_000 } },
    aidType: 'cash',
    requestedAmount: { currency: 'RUB', minor: 500_000 },
    reason: 'Нужна помощь на лекарства после операции.',
    payout: {
      method: 'bank_transfer',
      accountHolder: 'Иванова Анна Петровна',
      iban: 'DE89370400440532013000',
    },
    ...overrides,
  };
}

/** Digits as Cyrillic letters, so a serial number reads as part of a name. */
function letters(n: number): string {
  return [...String(n)].map((d) => 'АБВГДЕЖЗИК'[Number(d)]).join('');
}

let applicantSerial = 0;

/**
 * The sample applicant as a different person on every call: a person may have one open
 * application per aid type (a second one is refused with 409), so suites that submit many
 * applications give each its own applicant. Unique across processes too (the pid is in the name).
 */
export function distinctApplicant(): Record<string, unknown> {
  applicantSerial += 1;
  const base = sampleApplication().applicant as Record<string, unknown>;
  return {
    ...base,
    fullName: `${String(base.fullName)} ${letters(process.pid)}-${letters(applicantSerial)}`,
  };
}

/** A valid application from a person who has not applied before (see distinctApplicant). */
export function distinctApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleApplication({ applicant: distinctApplicant(), ...overrides });
}
