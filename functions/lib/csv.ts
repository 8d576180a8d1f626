/**
 * CSV as RFC 4180 says (CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes
 * doubled), safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be taken for a formula (CSV injection, OWASP), so it gets a leading
 * apostrophe and is shown as the text it is. Numbers are written as numbers.
 */
export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** The response headers of a CSV download. */
export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
  };
}
