// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  cleanAuthorList,
  isoDate,
  normalizeText,
  queryAllFirst,
  queryFirst,
  readJsonAttribute,
  splitAuthorLine,
  textOf,
} from '../../../lib/sites/read';

describe('normalizeText', () => {
  it.each([
    ['  A\n\t title  ', 'A title'],
    ['non\u00A0breaking', 'non breaking'],
    ['soft\u00ADhyphen and zero\u200Bwidth', 'softhyphen and zerowidth'],
    ['e\u0301', '\u00E9'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(normalizeText(input)).toBe(expected));

  it('handles null and undefined', () => {
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
  });
});

describe('author lists', () => {
  it.each([
    ['Ada Lovelace, Alan Turing and Grace Hopper', ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']],
    ['Authors: Ada Lovelace; Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace, Alan Turing, et al.', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace & Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['Ada Lovelace, and Alan Turing', ['Ada Lovelace', 'Alan Turing']],
    ['', []],
  ])('splitAuthorLine(%j)', (line, expected) => expect(splitAuthorLine(line)).toEqual(expected));

  it('cleans labels, empties and duplicates, keeping order', () => {
    expect(cleanAuthorList([' Ada  Lovelace ', null, '', '· 10 authors', 'ada lovelace', 'Alan Turing,', 'et al.'])).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
  });
});

describe('selector lists', () => {
  const doc = new DOMParser().parseFromString('<div><p class="b">one</p><p class="b">two</p><span>x</span></div>', 'text/html');

  it('takes the first alternative that finds something', () => {
    expect(textOf(queryFirst(doc, ['.missing', 'p.b']))).toBe('one');
    expect(queryAllFirst(doc, ['.missing', 'p.b', 'span']).map((e) => e.textContent)).toEqual(['one', 'two']);
  });

  it('treats an invalid selector as not found instead of throwing', () => {
    expect(queryFirst(doc, ['p:::nope', 'span'])?.localName).toBe('span');
    expect(queryAllFirst(doc, ['p:::nope'])).toEqual([]);
  });
});

describe('small readers', () => {
  it('reads JSON attributes, undefined when malformed or absent', () => {
    const el = document.createElement('div');
    el.setAttribute('data-props', '{"a":1}');
    expect(readJsonAttribute(el, 'data-props')).toEqual({ a: 1 });
    el.setAttribute('data-props', '{"a":');
    expect(readJsonAttribute(el, 'data-props')).toBeUndefined();
    expect(readJsonAttribute(el, 'data-missing')).toBeUndefined();
    expect(readJsonAttribute(null, 'data-props')).toBeUndefined();
  });

  it.each([
    ['2026-09-25T00:00:00.000Z', '2026-09-25'],
    ['2026-09-25', '2026-09-25'],
    ['Sep 25', undefined],
    [42, undefined],
  ])('isoDate(%j) = %j', (value, expected) => expect(isoDate(value)).toBe(expected));

  it('resolves links against the page, undefined for garbage', () => {
    expect(absoluteUrl('/papers/1', 'https://huggingface.co/papers')?.href).toBe('https://huggingface.co/papers/1');
    expect(absoluteUrl('', 'https://huggingface.co/')).toBeUndefined();
    expect(absoluteUrl('http://[bad', 'https://huggingface.co/')).toBeUndefined();
  });
});
