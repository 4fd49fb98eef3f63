import { describe, expect, it } from 'vitest';
import { analyse, normalise, stemEnglish, stemRussian } from './tokenize.js';

describe('stemEnglish', () => {
  it('brings plurals and -ing/-ed forms of catalogue words to one stem', () => {
    const groups = [
      ['accumulator', 'accumulators'],
      ['battery', 'batteries'],
      ['refine', 'refined', 'refining'],
      ['knit', 'knitted', 'knitting'],
      ['chill', 'chilled'],
      ['dry', 'dried'],
      ['box', 'boxes'],
      ['bus', 'buses'],
      ['gas', 'gases'],
      ['assemble', 'assembled'],
      ['coke', 'coking'],
    ];
    for (const [first, ...others] of groups) {
      for (const other of others) expect(stemEnglish(other), other).toBe(stemEnglish(first as string));
    }
  });

  it('leaves words it must not cut alone', () => {
    expect(stemEnglish('glass')).toBe('glass');
    expect(stemEnglish('seed')).toBe('seed');
    expect(stemEnglish('linseed')).toBe('linseed');
    expect(stemEnglish('string')).toBe('string');
    expect(stemEnglish('ev')).toBe('ev');
  });
});

describe('stemRussian', () => {
  it('brings noun and adjective forms to one stem of at least four letters', () => {
    const groups = [
      ['аккумулятор', 'аккумуляторы', 'аккумуляторов'],
      ['мороженая', 'мороженые', 'мороженое', 'мороженый'],
      ['батарея', 'батареи', 'батарей', 'батареями'],
      ['панель', 'панели', 'панелях'],
      ['автомобиль', 'автомобили', 'автомобилей'],
      ['солнечная', 'солнечные', 'солнечный'],
    ];
    for (const [first, ...others] of groups) {
      for (const other of others) expect(stemRussian(other), other).toBe(stemRussian(first as string));
    }
    expect(stemRussian('литий')).toBe('лити');
    expect(stemRussian('чай')).toBe('чай');
  });
});

describe('analyse', () => {
  it('gives jieba search-mode words and bigrams for Chinese, stemmed words for English and Russian', () => {
    const keys = analyse(normalise('乘用车 Lithium-ion Аккумуляторы Ёмкость')).tokens.map((token) => token.key);
    expect(keys).toEqual([
      'zh:用车',
      'zh:乘用车',
      'zb:乘用',
      'zb:用车',
      'en:lithium',
      'en:ion',
      'ru:аккумулятор',
      'ru:емкост',
    ]);
  });

  it('indexes every Chinese character but queries one only where it stands alone', () => {
    const indexed = analyse('褐煤', 'index').tokens.map((token) => token.key);
    expect(indexed).toContain('zu:煤');
    expect(analyse('褐煤').tokens.map((token) => token.key)).not.toContain('zu:煤');
    expect(analyse('煤').tokens.map((token) => token.key)).toContain('zu:煤');
  });

  it('drops stop words and single letters in all three languages', () => {
    expect(analyse(normalise('The other of and x — прочие или в — 的 其他 和')).tokens).toEqual([]);
  });

  it('normalises full-width letters, case and ё', () => {
    expect(normalise('ＥＶ Ёлка')).toBe('ev елка');
  });
});
