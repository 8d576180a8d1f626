import { describe, expect, it } from 'vitest';
import {
  appealTopics,
  departmentName,
  routeTopic,
  routingTable,
  topicName,
} from '../../domain/appeal-routing.js';
import { languages } from '../../domain/catalogue.js';

describe('appeal topics and their routing', () => {
  it('names every topic people can choose in every language, and names no other', () => {
    expect(Object.keys(routingTable.names).sort()).toEqual([...appealTopics(routingTable)].sort());
    for (const topic of appealTopics(routingTable)) {
      for (const lang of languages)
        expect(topicName(routingTable, topic)?.[lang], `${topic} ${lang}`).toBeTruthy();
    }
  });

  it('sends every topic to departments that exist, or forwards it', () => {
    for (const topic of appealTopics(routingTable)) {
      const routing = routeTopic(routingTable, topic);
      if (routing.kind === 'departments') {
        expect(routing.departments.length, topic).toBeGreaterThan(0);
        for (const code of routing.departments)
          expect(departmentName(code), `${topic} → ${code}`).toBeDefined();
      }
    }
  });

  it('routes the topics the public form offered before to the departments they meant', () => {
    expect(routeTopic(routingTable, 'social_aid')).toEqual(routeTopic(routingTable, 'aid'));
    expect(routeTopic(routingTable, 'healthcare')).toEqual(routeTopic(routingTable, 'home_care'));
    expect(topicName(routingTable, 'social_aid')).toEqual(topicName(routingTable, 'aid'));
    expect(routeTopic(routingTable, 'aid')).toEqual({ kind: 'departments', departments: ['social_support'] });
  });

  it('sends a topic nobody configured to the general office, and leaves its name to the caller', () => {
    expect(routeTopic(routingTable, 'an_office_topic')).toEqual({
      kind: 'departments',
      departments: ['general_office'],
    });
    expect(topicName(routingTable, 'an_office_topic')).toBeUndefined();
  });
});
