import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [inner, text] of flatten(value, path)) result.set(inner, text);
  }
  return result;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const source = flatten(en);

describe.each([
  ['zh-CN', flatten(zhCN)],
  ['ru', flatten(ru)],
])('%s messages', (_language, messages) => {
  it('has exactly the English keys', () => {
    // The type check catches missing keys; this also catches extra ones left behind after a rename.
    expect([...messages.keys()].sort()).toEqual([...source.keys()].sort());
  });

  it('has no empty text and keeps every interpolation placeholder', () => {
    for (const [key, text] of messages) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
    }
  });

  it('is actually translated, not a copy of English', () => {
    // Language names, codes and examples are the same everywhere; real sentences are not.
    const same = [...messages].filter(([key, text]) => text === source.get(key) && /[a-z]{4,} [a-z]{4,}/i.test(text));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});
