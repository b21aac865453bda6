import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keysMessagesEn, keysMessagesVi } from '../../shared/i18n/messages-keys';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every 'keys.*' code literal in the sources of db/keys and of the terminal's passphrase prompt (tests excluded). */
function codesUsedInSources(): Set<string> {
  const codes = new Set<string>();
  const files = fs
    .readdirSync(here)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join(here, name));
  for (const file of [...files, path.join(here, '../../cli/passphrase-prompt.ts')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/['"`](keys\.[a-z0-9_]+)['"`]/g)) codes.add(match[1]!);
  }
  return codes;
}

const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('messages for db/keys errors', () => {
  const used = codesUsedInSources();
  const en: Record<string, string> = keysMessagesEn;
  const vi: Record<string, string> = keysMessagesVi;

  it('finds the codes it is meant to check (the grep itself works)', () => {
    expect(used).toContain('keys.wrong_passphrase_or_corrupt');
    expect(used.size).toBeGreaterThan(10);
  });

  it.each([...codesUsedInSources()])('%s has a Vietnamese and an English message', (code) => {
    expect(vi[code], `Vietnamese message for ${code}`).toBeTruthy();
    expect(en[code], `English message for ${code}`).toBeTruthy();
  });

  it('has no message for a code nobody throws any more', () => {
    expect(Object.keys(en).filter((code) => !used.has(code))).toEqual([]);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const code of Object.keys(en)) {
      expect(placeholders(vi[code]!), code).toEqual(placeholders(en[code]!));
    }
  });
});
