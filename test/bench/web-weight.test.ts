import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureWebWeight, staticImports } from '../../bench/web-weight.js';

let dist: string | undefined;

afterEach(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
  dist = undefined;
});

/** A build shaped like Vite's: index.html naming the entry and the style sheet, hashed chunks under assets/. */
function fakeBuild(files: Record<string, string>): string {
  dist = mkdtempSync(join(tmpdir(), 'aidflow-web-weight-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script><link rel="stylesheet" crossorigin href="/assets/index-BBBBBBBB.css">',
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, 'assets', name), text);
  return dist;
}

describe('the web app weight', () => {
  it('reads static imports and leaves dynamic ones out', () => {
    const source =
      'import{a as b}from"./shared-CCCCCCCC.js";import"./side-DDDDDDDD.js";const x=()=>import(`./ru-EEEEEEEE.js`);';

    expect(staticImports(source)).toEqual(['shared-CCCCCCCC.js', 'side-DDDDDDDD.js']);
  });

  it('counts the entry with what it imports, the style sheet and the heaviest language as the start page', () => {
    const build = fakeBuild({
      'index-AAAAAAAA.js': `import{a}from"./shared-CCCCCCCC.js";const l=()=>import(\`./ru-EEEEEEEE.js\`),s=()=>import(\`./staff-FFFFFFFF.js\`);`,
      'index-BBBBBBBB.css': 'body{margin:0}',
      'shared-CCCCCCCC.js': 'export const a=1;',
      'en-GGGGGGGG.js': 'export const en={a:"Apply"};',
      'ru-EEEEEEEE.js': 'export const ru={a:"Подать заявление на помощь"};',
      'staff-FFFFFFFF.js': 'x'.repeat(5000),
    });

    const weight = measureWebWeight(build);

    expect([...weight.startPage.files].sort()).toEqual(['index.css', 'index.js', 'ru.js', 'shared.js']);
    expect(weight.startPage.kb).toBeLessThan(weight.wholeApp.kb);
    expect(weight.wholeApp.kb).toBeGreaterThan(5000 / 1024);
    expect(Object.keys(weight.chunks)).toContain('staff.js');
  });

  it('refuses a build whose index.html names no script', () => {
    const build = fakeBuild({});
    writeFileSync(join(build, 'index.html'), '<html></html>');

    expect(() => measureWebWeight(build)).toThrow(/names no entry script/);
  });
});
