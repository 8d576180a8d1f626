import type { EligibilityFacts, RuleCondition, TopLevelRuleCondition } from './rule-set-schema.js';

/*
 * The evaluator of rule conditions: json-rules-engine's condition semantics (7.3.1), re-implemented
 * for exactly the format ruleSetSchema accepts, so that CheckEligibility does not carry the engine,
 * its JSONPath, event emitter and hashing (about 78 KB of every bundle that imported it). Stored
 * rule sets keep their JSON and their meaning; test/domain/rule-conditions.property.test.ts checks
 * this module against json-rules-engine on random facts and conditions.
 *
 * What "the same" means here, deliberately, down to JavaScript's coercions:
 * - operators are the engine's callbacks verbatim (`b.indexOf(a) > -1`, `a < b`, …), each guarded
 *   by the engine's fact-value validator (arrays for contains/someFact/everyFact; anything that
 *   parseFloat reads as a number for the comparisons, so "2026-03-01" < "2026-04-01" compares
 *   as strings, as the engine does);
 * - a condition the engine cannot evaluate (`in` against a number, an unknown fact) throws, and
 *   every condition of a group is evaluated, as the engine evaluates them all in parallel: a rule
 *   set that made the engine fail makes this fail too, never quietly pass;
 * - an empty `all` or `any` holds.
 */

type Facts = Readonly<Record<string, unknown>>;
// biome-ignore lint/suspicious/noExplicitAny: the engine's operators rely on JavaScript's own coercions and TypeErrors.
type Loose = any;
type Evaluate = (factValue: Loose, jsonValue: Loose) => boolean;

const anything = (): boolean => true;
const numeric = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';

const operators: Record<string, { test: Evaluate; accepts: (factValue: unknown) => boolean }> = {
  equal: { test: (a, b) => a === b, accepts: anything },
  notEqual: { test: (a, b) => a !== b, accepts: anything },
  in: { test: (a, b) => b.indexOf(a) > -1, accepts: anything },
  notIn: { test: (a, b) => b.indexOf(a) === -1, accepts: anything },
  contains: { test: (a, b) => a.indexOf(b) > -1, accepts: Array.isArray },
  doesNotContain: { test: (a, b) => a.indexOf(b) === -1, accepts: Array.isArray },
  lessThan: { test: (a, b) => a < b, accepts: numeric },
  lessThanInclusive: { test: (a, b) => a <= b, accepts: numeric },
  greaterThan: { test: (a, b) => a > b, accepts: numeric },
  greaterThanInclusive: { test: (a, b) => a >= b, accepts: numeric },
};

const decorators: Record<
  string,
  {
    wrap: (factValue: Loose, jsonValue: Loose, next: Evaluate) => boolean;
    accepts: (factValue: unknown) => boolean;
  }
> = {
  someFact: { wrap: (f, v, next) => f.some((x: unknown) => next(x, v)), accepts: Array.isArray },
  someValue: { wrap: (f, v, next) => v.some((x: unknown) => next(f, x)), accepts: anything },
  everyFact: { wrap: (f, v, next) => f.every((x: unknown) => next(x, v)), accepts: Array.isArray },
  everyValue: { wrap: (f, v, next) => v.every((x: unknown) => next(f, x)), accepts: anything },
  swap: { wrap: (f, v, next) => next(v, f), accepts: anything },
  not: { wrap: (f, v, next) => !next(f, v), accepts: anything },
};

/** "someFact:not:in": the leftmost decorator wraps all the others, as in the engine's operator map. */
function operatorNamed(name: string): Evaluate {
  const parts = name.split(':');
  const baseName = parts.pop() ?? '';
  const base = Object.hasOwn(operators, baseName) ? operators[baseName] : undefined;
  if (!base) throw new Error(`Unknown operator: ${name}`);
  let evaluate: Evaluate = (f, v) => base.accepts(f) && base.test(f, v);
  for (const decoratorName of parts.reverse()) {
    const decorator = Object.hasOwn(decorators, decoratorName) ? decorators[decoratorName] : undefined;
    if (!decorator) throw new Error(`Unknown operator: ${name}`);
    const next = evaluate;
    evaluate = (f, v) => decorator.accepts(f) && decorator.wrap(f, v, next);
  }
  return evaluate;
}

/**
 * A fact's value, as the engine's almanac reads it. `params` means nothing to a fact that is a
 * plain value (the engine ignores it too); `path` reads into an object-valued fact with JSONPath,
 * which this evaluator refuses loudly rather than guess. The schema refuses both in new rule sets.
 */
function factValue(facts: Facts, name: unknown, path: unknown): unknown {
  if (typeof name !== 'string' || !Object.hasOwn(facts, name))
    throw new Error(`Undefined fact: ${String(name)}`);
  const value = facts[name];
  if (path && value !== null && typeof value === 'object') {
    throw new Error(`JSONPath "${String(path)}" on the fact "${name}" is not supported`);
  }
  return value;
}

/** A condition's value: a literal, or `{ fact }` for another fact's value. */
function conditionValue(value: unknown, facts: Facts): unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return value;
  const ref = value as { fact: unknown; path?: unknown };
  return factValue(facts, ref.fact, ref.path);
}

function holds(condition: RuleCondition, facts: Facts): boolean {
  const c = condition as Record<string, unknown>;
  // The engine's precedence when reading a condition: any, then all, then not.
  const group = Object.hasOwn(c, 'any') ? 'any' : Object.hasOwn(c, 'all') ? 'all' : undefined;
  if (group) {
    const members = c[group];
    if (!Array.isArray(members)) throw new Error(`"${group}" must be an array`);
    // Every member is evaluated (no short cut), so one that cannot be evaluated always fails the run.
    const results = members.map((m: RuleCondition) => holds(m, facts));
    return group === 'any' ? results.length === 0 || results.some(Boolean) : results.every(Boolean);
  }
  if (Object.hasOwn(c, 'not')) {
    if (Array.isArray(c.not)) throw new Error('"not" cannot be an array');
    return !holds(c.not as RuleCondition, facts);
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!Object.hasOwn(c, key)) throw new Error(`Condition: "${key}" property required`);
  }
  const evaluate = operatorNamed(String(c.operator));
  return evaluate(factValue(facts, c.fact, c.path), conditionValue(c.value, facts)) === true;
}

/** Whether a rule's conditions hold for these facts. Throws where json-rules-engine would fail the run. */
export function conditionsHold(conditions: TopLevelRuleCondition, facts: EligibilityFacts): boolean {
  return holds(conditions, facts as unknown as Facts);
}
