/**
 * The spellings of one full name that a caller on the phone and their application may differ by,
 * so that staff finding "Петр Кузьмин" also find the application of "Кузьмин Пётр":
 *
 * - ё written as е, as most people type it, or е written as ё in one place (names seldom have two);
 * - the surname last instead of first, or first instead of last.
 *
 * The stored person key is a keyed hash of the name as written (functions/lib/access-codes.ts), so
 * a search asks for each spelling's key; there is no index of names to search more loosely.
 * At most `maxSpellings`, the name as given first.
 */
export const maxSpellings = 48;

export function nameSpellings(fullName: string): string[] {
  const words = fullName.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const orders = [words];
  if (words.length > 1) {
    orders.push([...words.slice(-1), ...words.slice(0, -1)]);
    orders.push([...words.slice(1), ...words.slice(0, 1)]);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (name: string) => {
    const key = name.toLocaleLowerCase('und');
    if (seen.has(key) || out.length >= maxSpellings) return;
    seen.add(key);
    out.push(name);
  };
  for (const order of orders) add(order.join(' '));
  for (const order of orders) {
    const plain = order.join(' ').replace(/ё/g, 'е').replace(/Ё/g, 'Е');
    add(plain);
    for (let i = 0; i < plain.length; i++) {
      const letter = plain[i];
      if (letter === 'е' || letter === 'Е')
        add(`${plain.slice(0, i)}${letter === 'е' ? 'ё' : 'Ё'}${plain.slice(i + 1)}`);
    }
  }
  return out;
}
