// Text analysis for the tariff search: one tokenizer for names and queries, so both sides agree on every
// term. A token's language is its script: Han → zh (jieba words, plus character bigrams as a fallback),
// Latin → en, Cyrillic → ru. Digits never form terms here; codes are handled by the index itself.
//
// The English and Russian stemmers are hand-written on purpose. Each is a dozen lines of suffix rules, and
// they only need to make a name and a query agree ("accumulators" ~ "accumulator", "мороженая" ~
// "мороженые"), not to be linguistically right. The npm stemmers are either large multi-language bundles
// (Snowball compiled to JS) or small packages that have not been maintained for years, and none is worth a
// dependency for ~220 short catalogue names.
import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type * as JiebaDictModule from '@node-rs/jieba/dict.js';

/**
 * zh: a jieba word; zb: a Chinese character bigram and zu: a single Chinese character (fallbacks, weighted
 * lower); en / ru: a stemmed word.
 */
export type TermKind = 'zh' | 'zb' | 'zu' | 'en' | 'ru';

export interface Token {
  /** Index key: kind and normalised form, e.g. "en:panel", "zh:锂离子", "zb:离子". */
  readonly key: string;
  readonly kind: TermKind;
  /** The word as it appears in the (normalised) text, shown to users as the reason for a match. */
  readonly surface: string;
  /** For bigrams: which Han run of the text it came from (0, 1, …) and at which character of the run. */
  readonly run?: number;
  readonly start?: number;
}

export interface Analysis {
  readonly tokens: readonly Token[];
}

// The jieba dictionary is a 5 MB text file that `@node-rs/jieba/dict.js` reads as soon as it is imported, and
// building the segmenter from it takes ~100–200 ms. Loading both on first use keeps importing the trade
// module free of that cost for processes that never search.
const require = createRequire(import.meta.url);
let segmenter: JiebaModule.Jieba | undefined;

function jieba(): JiebaModule.Jieba {
  if (segmenter === undefined) {
    const { Jieba } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict.js') as typeof JiebaDictModule;
    segmenter = Jieba.withDict(dict);
  }
  return segmenter;
}

/** NFKC (full-width letters and digits become ASCII), lower case, ё → е. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е');
}

// Function words of the catalogue's names and of typical queries. "Other" / 其他 / прочие mark residual lines
// ("…, other") and say nothing about the goods. Common units go too: a description's "400 ml" or "20 kg" is
// about its packing, not about a name's "≥ 78 ml/g" or "≤ 3 kg".
const ENGLISH_STOP_WORDS = new Set(
  (
    'a an and any are as at be but by for from in into is it its kind made not of on or other others our ' +
    'per than that the their this to up used we with without cm kg kcal ml mm pcs'
  ).split(' '),
);

const RUSSIAN_STOP_WORDS = new Set(
  (
    'а без более в во для до его ее же и из или их к как ко кроме либо менее на не но о от по при прочая ' +
    'прочего прочее прочие прочий прочих с со также то что чем это кг ккал мл мм см шт'
  ).split(' '),
);

const CHINESE_STOP_WORDS = new Set('的 或 及 和 与 在 其他 其 等 之 以 并 为 了 用'.split(' '));
/** Bigrams containing one of these characters are noise ("的乘", "或插"). */
const CHINESE_STOP_CHARACTERS = new Set('的 或 及 和 与 在 其 他 等'.split(' '));

const VOWEL = /[aeiouy]/;

/** Drops one of a doubled final consonant ("knitt" → "knit", "runn" → "run"), but keeps ll, ss, zz ("roll"). */
function undouble(stem: string): string {
  const last = stem.at(-1);
  return stem.length >= 3 && last === stem.at(-2) && last !== undefined && !'lsz'.includes(last) && !VOWEL.test(last)
    ? stem.slice(0, -1)
    : stem;
}

/**
 * Light English stemming: plurals (-s, -es, -ies), then -ing and -ed where a vowel stays in the stem, then a final
 * -e, so that "refine", "refined" and "refining" all become "refin".
 */
export function stemEnglish(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(?:sses|xes|ches|shes|zes|uses)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.length > 5 && stem.endsWith('ing') && VOWEL.test(stem.slice(0, -3))) stem = undouble(stem.slice(0, -3));
  else if (stem.length > 4 && stem.endsWith('ied')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && stem.endsWith('ed') && !stem.endsWith('eed') && VOWEL.test(stem.slice(0, -2))) {
    stem = undouble(stem.slice(0, -2));
  }

  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

// Noun and adjective endings (and the adjectival participle endings, which are the same), longest first.
const RUSSIAN_ENDINGS = [
  'иями',
  'ыми',
  'ими',
  'ого',
  'его',
  'ому',
  'ему',
  'ами',
  'ями',
  'иях',
  'иям',
  'ией',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ой',
  'ую',
  'юю',
  'ых',
  'их',
  'ым',
  'им',
  'ом',
  'ем',
  'ах',
  'ях',
  'ам',
  'ям',
  'ов',
  'ев',
  'ей',
  'ию',
  'ия',
  'ью',
  'ья',
];
const RUSSIAN_STEM_MIN = 4;
const RUSSIAN_FINAL_VOWEL = /[аеиоуыэюяйь]$/;

/**
 * Light Russian stemming: strips the longest noun/adjective ending that leaves at least four letters, then any
 * final vowels, й or ь while more than four letters remain ("батарея", "батареи", "батарей" → "батар").
 */
export function stemRussian(word: string): string {
  let stem = word;
  for (const ending of RUSSIAN_ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= RUSSIAN_STEM_MIN) {
      stem = stem.slice(0, -ending.length);
      break;
    }
  }
  while (stem.length > RUSSIAN_STEM_MIN && RUSSIAN_FINAL_VOWEL.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

const WORD = /(\p{Script=Han}+)|(\p{Script=Latin}+)|(\p{Script=Cyrillic}+)/gu;

/**
 * Splits already normalised text into terms, in order of appearance. Han runs give jieba's search-mode words
 * (so that 乘用车 yields 乘用车 and 用车) followed by the run's character bigrams; Latin and Cyrillic words of two
 * or more letters that are not stop words give one stemmed term each.
 *
 * Single characters: a name is indexed under each of its Chinese characters, but a query uses a character on its
 * own only when it stands alone (煤, or 铜、锌), where it has no bigram: jieba keeps 无烟煤 and 褐煤 whole, so
 * without this "煤" would find no coal.
 */
export function analyse(normalised: string, purpose: 'index' | 'query' = 'query'): Analysis {
  const tokens: Token[] = [];
  let run = -1;
  for (const match of normalised.matchAll(WORD)) {
    const [, han, latin, cyrillic] = match;
    if (han !== undefined) {
      for (const word of jieba().cutForSearch(han, true)) {
        if (!CHINESE_STOP_WORDS.has(word)) tokens.push({ key: `zh:${word}`, kind: 'zh', surface: word });
      }
      const characters = Array.from(han);
      run += 1;
      if (purpose === 'index' || characters.length === 1) {
        for (const character of characters) {
          if (!CHINESE_STOP_CHARACTERS.has(character)) {
            tokens.push({ key: `zu:${character}`, kind: 'zu', surface: character });
          }
        }
      }
      for (let start = 0; start + 1 < characters.length; start += 1) {
        const first = characters[start] as string;
        const second = characters[start + 1] as string;
        if (CHINESE_STOP_CHARACTERS.has(first) || CHINESE_STOP_CHARACTERS.has(second)) continue;
        const bigram = first + second;
        tokens.push({ key: `zb:${bigram}`, kind: 'zb', surface: bigram, run, start });
      }
    } else if (latin !== undefined) {
      if (latin.length >= 2 && !ENGLISH_STOP_WORDS.has(latin)) {
        tokens.push({ key: `en:${stemEnglish(latin)}`, kind: 'en', surface: latin });
      }
    } else if (cyrillic !== undefined) {
      if (cyrillic.length >= 2 && !RUSSIAN_STOP_WORDS.has(cyrillic)) {
        tokens.push({ key: `ru:${stemRussian(cyrillic)}`, kind: 'ru', surface: cyrillic });
      }
    }
  }
  return { tokens };
}
