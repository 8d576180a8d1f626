import { readdirSync, readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { functions, stateMachines } from '../../functions/registry.js';
import { definitionSubstitutionNames, functionArnPlaceholder } from '../../infra/constructs/workflows.js';

const workflowsDir = new URL('../../workflows/', import.meta.url);
const aslFiles = readdirSync(workflowsDir).filter((f) => f.endsWith('.asl.json'));
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** Every `${Name}` placeholder of a definitionSubstitutions-style template. */
function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!));
}

/** The definition as Step Functions receives it, with a dummy ARN for each placeholder. */
function withDummyArns(text: string): unknown {
  return JSON.parse(
    text.replace(
      /\$\{([A-Za-z0-9]+)FunctionArn\}/g,
      'arn:aws:lambda:eu-central-1:123456789012:function:AidFlow-$1',
    ),
  );
}

describe('workflow definitions', () => {
  it('are all deployed: every workflows/*.asl.json is a registry state machine and vice versa', () => {
    expect(aslFiles.length).toBeGreaterThan(0);
    expect(stateMachines.map((m) => m.file).sort()).toEqual(aslFiles.map((f) => `workflows/${f}`).sort());
  });

  it('give every step function to exactly the machines that invoke it', () => {
    const owners = functions
      .filter((f) => f.trigger === 'step')
      .map((f) =>
        stateMachines.filter((m) => functionArnPlaceholder(f.name) in definitionSubstitutionNames(m.name)),
      );
    expect(owners.every((o) => o.length >= 1)).toBe(true);
  });

  it('map each substitution to a registry step function named <Name>FunctionArn', () => {
    const names = definitionSubstitutionNames();
    const steps = functions.filter((f) => f.trigger === 'step');
    expect(Object.keys(names).sort()).toEqual(steps.map((f) => functionArnPlaceholder(f.name)).sort());
    for (const [placeholder, name] of Object.entries(names)) expect(placeholder).toBe(`${name}FunctionArn`);
  });

  for (const machine of stateMachines) {
    describe(machine.file, () => {
      const text = read(machine.file);

      it('has a substitution for every placeholder in it', () => {
        const substitutions = new Set(Object.keys(definitionSubstitutionNames(machine.name)));
        expect([...placeholders(text)].filter((p) => !substitutions.has(p))).toEqual([]);
      });

      it('uses every substitution the workflows construct passes', () => {
        const used = placeholders(text);
        expect(Object.keys(definitionSubstitutionNames(machine.name)).filter((p) => !used.has(p))).toEqual(
          [],
        );
      });

      it('passes asl-validator once the placeholders are real ARNs', () => {
        const result = aslValidator(withDummyArns(text));
        expect(result.errorsText('\n')).toBe('');
        expect(result.isValid).toBe(true);
      });

      it('invokes Lambda only through placeholders, never a hard-coded function', () => {
        const definition = JSON.parse(text) as {
          States: Record<string, { Parameters?: { FunctionName?: string } }>;
        };
        for (const [name, state] of Object.entries(definition.States)) {
          const fn = state.Parameters?.FunctionName;
          if (fn !== undefined) expect(fn, name).toMatch(/^\$\{[A-Za-z0-9]+FunctionArn\}$/);
        }
      });
    });
  }
});

describe('asl-validator', () => {
  it('is really checking: it rejects a Task whose Next names no state', () => {
    const definition = withDummyArns(read(stateMachines[0].file)) as {
      States: Record<string, { Next?: string }>;
    };
    const first = Object.values(definition.States).find((st) => st.Next)!;
    first.Next = 'No such state';
    expect(aslValidator(definition).isValid).toBe(false);
  });
});
