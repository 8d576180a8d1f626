import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/messages/en.js';
import { ru } from '../../web/src/messages/ru.js';
import { uk } from '../../web/src/messages/uk.js';
import { zh } from '../../web/src/messages/zh.js';
import { timelineNote } from '../../web/src/timeline-note.js';

const day = (iso: string) => `[${iso}]`;

describe('a note on a case timeline', () => {
  it('words a note the system wrote in the reader’s language, whatever language it was stored in', () => {
    const entry = {
      at: '2026-12-01T10:00:00Z',
      status: 'withdrawn',
      note: 'Withdrawn by the applicant.',
      noteCode: 'withdrawn_by_applicant',
    };
    expect(timelineNote(uk, entry, day)).toBe('Відкликано заявником.');
    expect(timelineNote(ru, entry, day)).toBe('Отозвано заявителем.');
    expect(timelineNote(zh, entry, day)).toBe('申请人已撤回。');
  });

  it('puts the day and the reason staff gave into an extension’s note', () => {
    const entry = {
      at: '2026-12-01T10:00:00Z',
      status: 'in_progress',
      note: 'Deadline extended to 2027-01-15: the archive is asked',
      noteCode: 'deadline_extended',
      noteArgs: { dueDate: '2027-01-15', reason: 'запрошен архив' },
    };
    expect(timelineNote(ru, entry, day)).toBe('Срок продлён до [2027-01-15]: запрошен архив');
  });

  it('shows a note staff wrote, or one with a code the page does not know, as it was written', () => {
    expect(timelineNote(uk, { at: 'x', status: 'rejected', note: 'Дохід вищий за мінімум.' }, day)).toBe(
      'Дохід вищий за мінімум.',
    );
    expect(
      timelineNote(uk, { at: 'x', status: 'x', note: 'Later words.', noteCode: 'from_a_newer_server' }, day),
    ).toBe('Later words.');
  });

  it('has words for every code in every language', () => {
    const codes = Object.keys(en.timelineNotes).sort();
    for (const messages of [uk, ru, zh]) expect(Object.keys(messages.timelineNotes).sort()).toEqual(codes);
  });
});
