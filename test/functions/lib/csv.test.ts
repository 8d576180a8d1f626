import { describe, expect, it } from 'vitest';
import { csvCell, csvHeaders, toCsv } from '../../../functions/lib/csv.js';

describe('CSV (RFC 4180, safe in a spreadsheet)', () => {
  it('ends every line with CRLF and quotes fields with commas, quotes or line breaks', () => {
    const csv = toCsv([
      ['name', 'note'],
      ['a,b', 'say "hi"'],
      ['line\nbreak', 'cr\rhere'],
    ]);

    expect(csv).toBe('name,note\r\n"a,b","say ""hi"""\r\n"line\nbreak","cr\rhere"\r\n');
  });

  it.each(['=SUM(A1:A9)', '+1', '-1+2', '@cmd', '\tx', '\rx'])(
    'makes a text cell starting like a formula (%j) plain text',
    (value) => {
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('writes numbers as numbers and empty values as empty fields', () => {
    expect(toCsv([[5, -3, 0.5, null, undefined, Number.NaN]])).toBe('5,-3,0.5,,,\r\n');
  });

  it('names the download without characters a header could be split on', () => {
    expect(csvHeaders('aid-usage-2026.csv')['content-disposition']).toBe(
      'attachment; filename="aid-usage-2026.csv"',
    );
    expect(csvHeaders('a"\r\nb.csv')['content-disposition']).toBe('attachment; filename="a___b.csv"');
  });
});
