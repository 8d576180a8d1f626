/** An eligibility check as the API sends it: each rule's reason in one language and in every language. */
export interface ExplainedRules {
  readonly rules: readonly { code: string; messages?: Partial<Record<string, string>> }[];
}

/**
 * A rule's reason in the page's language, whatever language the application was made in; a
 * reason no rule explains (a refusal's comment staff wrote) stays as written (`otherwise`).
 */
export function ruleReason(
  eligibility: ExplainedRules | undefined,
  code: string,
  lang: string,
  otherwise: string,
): string {
  return eligibility?.rules.find((r) => r.code === code)?.messages?.[lang] ?? otherwise;
}
