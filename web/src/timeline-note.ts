import type { Messages } from './messages/en.js';

/** What a system note's words need (a date, a reference, the reason staff gave). */
export type NoteArgs = Readonly<Record<string, string | undefined>>;
export type TimelineNoteWords = string | ((args: NoteArgs, date: (iso: string) => string) => string);

/** A case's timeline entry as the API sends it (functions/lib/store/records.ts TimelineEntry). */
export interface TimelineEntryView {
  at: string;
  status: string;
  note?: string;
  noteCode?: string;
  noteArgs?: NoteArgs;
}

/**
 * A timeline entry's note in the page's language: a note the system wrote is worded from its code;
 * a note staff wrote, or one the page has no words for, is shown as it was written.
 */
export function timelineNote(
  t: Pick<Messages, 'timelineNotes'>,
  entry: TimelineEntryView,
  date: (iso: string) => string,
): string | undefined {
  const words = entry.noteCode ? t.timelineNotes[entry.noteCode] : undefined;
  if (words === undefined) return entry.note;
  return typeof words === 'string' ? words : words(entry.noteArgs ?? {}, date);
}
