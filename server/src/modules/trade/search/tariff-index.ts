// Tariff search and pre-classification (预归类) over the catalogue, in memory and pure: the only I/O is loading
// the jieba dictionary, once per process, on first use.
//
// Scoring is BM25 over the terms of each line's three names (zh jieba words, zh character bigrams at half
// weight and single characters at a quarter, stemmed en and ru words), so that a word found in one line
// outweighs one found in thirty. Each term's length normalisation uses the line's length in that term's kind
// only, so a long Russian name does not dilute a Chinese match. On top come two kinds of evidence the names cannot give: phrases of the keyword table
// (keywords.ts: "EV", 光伏板, "автозапчасти"), and, in `classify`, code prefixes written in the description
// ("HS 8541.43"), which outweigh all the words together.
//
// A hit's score is the share of the query's evidence it matched: the sum of its weights over the sum, over
// the query's known terms, of the best weight any line gets for that term. A line that is the best match for
// every term scores 1; query words the catalogue never uses count for nothing rather than against every line.
//
// Paper estimate: ~220 lines × ~30 terms each ≈ 7,000 postings. A query of at most 64 known terms walks at
// most 64 posting lists of ≤ 220 entries (≈ 14,000 additions), plus one jieba cut of ≤ 500 characters
// (~10 µs per short phrase measured): well under a millisecond, against the 10 ms median.
import type { TariffLine } from '../data/types.js';
import { TARIFF_KEYWORDS, type TariffKeyword } from './keywords.js';
import { analyse, normalise, type TermKind, type Token } from './tokenize.js';

export type SearchLanguage = 'zh' | 'en' | 'ru';

export interface MatchedTerm {
  term: string;
  language: SearchLanguage | 'code';
  field: 'name' | 'code' | 'keyword';
}

export interface TariffHit {
  code: string;
  /** 0..1, higher is better: the share of the query's evidence this line matched. */
  score: number;
  /** The distinct query terms that matched, as reasons to show: codes, then keywords, then name words. */
  matched: readonly MatchedTerm[];
}

export interface SearchOptions {
  /** Number of hits, 1..100; 20 when absent. */
  limit?: number;
}

/** Longer queries are cut here: a product description fits, a pasted document does not. */
export const QUERY_LENGTH_MAX = 500;
/** At most this many distinct name terms of a query are scored (those the catalogue knows, in query order). */
export const QUERY_TERMS_MAX = 64;
/** At most this many distinct code prefixes are taken from a description. */
export const QUERY_CODES_MAX = 8;
export const RESULT_LIMIT_DEFAULT = 20;
export const RESULT_LIMIT_MAX = 100;

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Bigrams are a fallback for segmentations that differ between name and query; a word match counts double. */
const BIGRAM_WEIGHT = 0.5;
/** Single characters are the last resort, for a query character that stands alone (煤, 铜). */
const UNIGRAM_WEIGHT = 0.25;
/** A keyword match counts like a rare word matched in full (a word found in one line weighs ~6 here). */
const KEYWORD_WEIGHT = 8;
/**
 * A code prefix written in a description weighs this many times all its words and keywords together, so a line
 * under the declared code ranks above any line that only matches the words (but words still order the lines
 * under the code, and the best word match comes next).
 */
const CODE_WEIGHT_FACTOR = 2;
/** `classify` drops candidates below this share of the best one: a long description touches many lines weakly. */
const CLASSIFY_RELATIVE_SCORE_MIN = 0.2;
/** Scores are rounded so that ties are exact and broken by code, whatever the order of float additions. */
const SCORE_DECIMALS = 1e6;

const LANGUAGE_OF_KIND: Record<TermKind, SearchLanguage> = { zh: 'zh', zb: 'zh', zu: 'zh', en: 'en', ru: 'ru' };

/** Four to ten digits in the HS layout (4, then pairs, dots optional) not glued to Latin/Cyrillic letters or other
 * digits; "hs8507" counts. "550w", "3.2v", "99.9935" and "12046" do not. */
const CODE_IN_TEXT =
  /(?:(?<=hs)|(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}.]))(\d{4}(?:\.?\d{2}){0,3})(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}]|\.\d)/gu;

interface Posting {
  /** Indices into the index's lines, ascending. */
  readonly lines: Int32Array;
  readonly weights: Float64Array;
  readonly weightMax: number;
}

/** One piece of evidence from a query: the lines it supports, with what weight, and why. */
interface Evidence {
  readonly lines: Int32Array;
  /** Per-line weights, parallel to `lines`; null when every line gets `weightMax`. */
  readonly weights: Float64Array | null;
  readonly weightMax: number;
  readonly reasons: readonly MatchedTerm[];
  /** For a bigram: its run and position in the query, to join adjacent matched bigrams into one reason. */
  readonly bigram?: { readonly run: number; readonly start: number };
}

interface CompiledPhrase {
  readonly phrase: string;
  readonly language: SearchLanguage;
  /** Chinese phrases match as substrings of the normalised query. */
  readonly han: string | null;
  /** Other phrases match as a run of consecutive stemmed en/ru terms of the query. */
  readonly keys: readonly string[];
}

interface CompiledKeyword {
  readonly lines: Int32Array;
  readonly phrases: readonly CompiledPhrase[];
}

/** A phrase found in the query, with the span it covers (characters for Chinese, word positions otherwise). */
interface PhraseMatch {
  readonly keyword: number;
  readonly phrase: CompiledPhrase;
  readonly mode: 'han' | 'words';
  readonly start: number;
  readonly end: number;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return RESULT_LIMIT_DEFAULT;
  return Math.min(RESULT_LIMIT_MAX, Math.max(1, Math.floor(limit)));
}

function byScoreThenCode(a: TariffHit, b: TariffHit): number {
  return b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function containsHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

export class TariffIndex {
  /** The lines in code order. */
  private readonly lines: readonly TariffLine[];
  private readonly postings = new Map<string, Posting>();
  private readonly keywords: readonly CompiledKeyword[];

  constructor(lines: readonly TariffLine[]) {
    this.lines = [...lines].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const lineCount = this.lines.length;

    // Term frequencies per line and line lengths per kind of term.
    const frequencies = new Map<string, Map<number, number>>();
    const lengths: Record<TermKind, Float64Array> = {
      zh: new Float64Array(lineCount),
      zb: new Float64Array(lineCount),
      zu: new Float64Array(lineCount),
      en: new Float64Array(lineCount),
      ru: new Float64Array(lineCount),
    };
    const kindOfKey = new Map<string, TermKind>();
    this.lines.forEach((line, lineIndex) => {
      const { tokens } = analyse(normalise(`${line.names.zh}\n${line.names.en}\n${line.names.ru}`), 'index');
      for (const token of tokens) {
        lengths[token.kind][lineIndex] = (lengths[token.kind][lineIndex] ?? 0) + 1;
        kindOfKey.set(token.key, token.kind);
        let perLine = frequencies.get(token.key);
        if (perLine === undefined) {
          perLine = new Map();
          frequencies.set(token.key, perLine);
        }
        perLine.set(lineIndex, (perLine.get(lineIndex) ?? 0) + 1);
      }
    });

    const averageLength = (kind: TermKind) => lengths[kind].reduce((sum, length) => sum + length, 0) / lineCount;
    const averages: Record<TermKind, number> = {
      zh: averageLength('zh'),
      zb: averageLength('zb'),
      zu: averageLength('zu'),
      en: averageLength('en'),
      ru: averageLength('ru'),
    };
    for (const [key, perLine] of frequencies) {
      const kind = kindOfKey.get(key) as TermKind;
      const documentFrequency = perLine.size;
      const idf = Math.log(1 + (lineCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
      const kindWeight = kind === 'zb' ? BIGRAM_WEIGHT : kind === 'zu' ? UNIGRAM_WEIGHT : 1;
      const postingLines = Int32Array.from([...perLine.keys()].sort((a, b) => a - b));
      const weights = Float64Array.from(postingLines, (lineIndex) => {
        const frequency = perLine.get(lineIndex) as number;
        const relativeLength = (lengths[kind][lineIndex] as number) / (averages[kind] || 1);
        const saturation = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * relativeLength));
        return kindWeight * idf * saturation;
      });
      this.postings.set(key, { lines: postingLines, weights, weightMax: Math.max(...weights) });
    }

    this.keywords = TARIFF_KEYWORDS.map((keyword) => this.compileKeyword(keyword)).filter(
      (compiled) => compiled.lines.length > 0,
    );
  }

  /** Number of lines indexed. */
  get size(): number {
    return this.lines.length;
  }

  /**
   * Code prefix search when the query is digits (dots and spaces ignored: "8507.60", "8507 60"), else word
   * search over the names in all three languages and the keyword table. Ranked, at most `limit` hits.
   */
  search(query: string, options?: SearchOptions): TariffHit[] {
    const limit = clampLimit(options?.limit);
    const text = query.slice(0, QUERY_LENGTH_MAX).trim();
    if (text === '') return [];
    const digits = text.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) return this.searchCode(digits, text, limit);
    return this.rank(this.evidence(normalise(text), false), limit, 0);
  }

  /**
   * Pre-classification of a free-text product description (zh, en, ru, or a mix; numbers and units are
   * ignored as words): ranked candidate lines, each with the matched terms as its reasons. A code prefix
   * written in the description ("8507", "HS 8541.43") outweighs every word.
   */
  classify(description: string, options?: SearchOptions): TariffHit[] {
    const limit = clampLimit(options?.limit);
    const text = description.slice(0, QUERY_LENGTH_MAX).trim();
    if (text === '') return [];
    return this.rank(this.evidence(normalise(text), true), limit, CLASSIFY_RELATIVE_SCORE_MIN);
  }

  private searchCode(digits: string, written: string, limit: number): TariffHit[] {
    const reason: MatchedTerm = { term: written, language: 'code', field: 'code' };
    const hits: TariffHit[] = [];
    for (const line of this.lines) {
      if (hits.length === limit) break;
      if (line.code.startsWith(digits)) {
        hits.push({
          code: line.code,
          score: Math.round((digits.length / line.code.length) * SCORE_DECIMALS) / SCORE_DECIMALS,
          matched: [reason],
        });
      }
    }
    // Lines are in code order and every hit shares the prefix, so longer codes are the only source of score
    // differences; sort anyway so that the ranking rule is the same as for word search.
    return hits.sort(byScoreThenCode);
  }

  private compileKeyword(keyword: TariffKeyword): CompiledKeyword {
    const lineIndices: number[] = [];
    this.lines.forEach((line, lineIndex) => {
      if (keyword.codes.some((prefix) => line.code.startsWith(prefix))) lineIndices.push(lineIndex);
    });
    const phrases: CompiledPhrase[] = [];
    for (const language of ['zh', 'en', 'ru'] as const) {
      for (const phrase of keyword[language]) {
        const normalised = normalise(phrase);
        if (containsHan(normalised)) {
          phrases.push({ phrase, language, han: normalised, keys: [] });
        } else {
          const keys = analyse(normalised).tokens.map((token) => token.key);
          if (keys.length > 0) phrases.push({ phrase, language, han: null, keys });
        }
      }
    }
    return { lines: Int32Array.from(lineIndices), phrases };
  }

  /** Evidence of a normalised query: code prefixes (if asked), then keywords, then name terms. */
  private evidence(normalised: string, withCodes: boolean): Evidence[] {
    const { tokens } = analyse(normalised);
    const names = this.nameEvidence(tokens);
    const keywords = this.keywordEvidence(normalised, tokens);
    if (!withCodes) return [...keywords, ...names];

    const wordsWeight = [...keywords, ...names].reduce((sum, evidence) => sum + evidence.weightMax, 0);
    const codes = this.codeEvidence(normalised, Math.max(CODE_WEIGHT_FACTOR * wordsWeight, KEYWORD_WEIGHT));
    return [...codes, ...keywords, ...names];
  }

  private nameEvidence(tokens: readonly Token[]): Evidence[] {
    const seen = new Set<string>();
    const evidence: Evidence[] = [];
    for (const token of tokens) {
      if (evidence.length === QUERY_TERMS_MAX) break;
      if (seen.has(token.key)) continue;
      seen.add(token.key);
      const posting = this.postings.get(token.key);
      if (posting === undefined) continue;
      evidence.push({
        lines: posting.lines,
        weights: posting.weights,
        weightMax: posting.weightMax,
        reasons: [{ term: token.surface, language: LANGUAGE_OF_KIND[token.kind], field: 'name' }],
        ...(token.run === undefined || token.start === undefined
          ? {}
          : { bigram: { run: token.run, start: token.start } }),
      });
    }
    return evidence;
  }

  private keywordEvidence(normalised: string, tokens: readonly Token[]): Evidence[] {
    const wordKeys = tokens.filter((token) => token.kind === 'en' || token.kind === 'ru').map((token) => token.key);
    const matches: PhraseMatch[] = [];
    this.keywords.forEach((keyword, keywordIndex) => {
      for (const phrase of keyword.phrases) {
        if (phrase.han !== null) {
          const start = normalised.indexOf(phrase.han);
          if (start >= 0) {
            matches.push({ keyword: keywordIndex, phrase, mode: 'han', start, end: start + phrase.han.length });
          }
          continue;
        }
        const start = findRun(wordKeys, phrase.keys);
        if (start >= 0) {
          matches.push({ keyword: keywordIndex, phrase, mode: 'words', start, end: start + phrase.keys.length });
        }
      }
    });
    // The longest phrase wins: "солнечная батарея" (solar panel) hides "батарея" (battery), 汽油车 hides 汽油.
    const kept = matches.filter(
      (match) =>
        !matches.some(
          (other) =>
            other !== match &&
            other.mode === match.mode &&
            other.start <= match.start &&
            other.end >= match.end &&
            other.end - other.start > match.end - match.start,
        ),
    );
    const evidence: Evidence[] = [];
    this.keywords.forEach((keyword, keywordIndex) => {
      const phrases = kept.filter((match) => match.keyword === keywordIndex).map((match) => match.phrase);
      if (phrases.length === 0) return;
      evidence.push({
        lines: keyword.lines,
        weights: null,
        weightMax: KEYWORD_WEIGHT,
        reasons: phrases.map((phrase) => ({ term: phrase.phrase, language: phrase.language, field: 'keyword' })),
      });
    });
    return evidence;
  }

  private codeEvidence(normalised: string, weight: number): Evidence[] {
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const match of normalised.matchAll(CODE_IN_TEXT)) {
      if (evidence.length === QUERY_CODES_MAX) break;
      const written = match[1] as string;
      const prefix = written.replaceAll('.', '');
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      const lineIndices: number[] = [];
      this.lines.forEach((line, lineIndex) => {
        if (line.code.startsWith(prefix)) lineIndices.push(lineIndex);
      });
      if (lineIndices.length === 0) continue;
      evidence.push({
        lines: Int32Array.from(lineIndices),
        weights: null,
        weightMax: weight,
        reasons: [{ term: written, language: 'code', field: 'code' }],
      });
    }
    return evidence;
  }

  private rank(evidence: readonly Evidence[], limit: number, relativeScoreMin: number): TariffHit[] {
    const total = evidence.reduce((sum, item) => sum + item.weightMax, 0);
    if (total === 0) return [];
    const scores = new Float64Array(this.lines.length);
    const supporting: (number[] | undefined)[] = new Array(this.lines.length);
    evidence.forEach((item, evidenceIndex) => {
      for (let position = 0; position < item.lines.length; position += 1) {
        const lineIndex = item.lines[position] as number;
        scores[lineIndex] = (scores[lineIndex] as number) + (item.weights?.[position] ?? item.weightMax);
        let list = supporting[lineIndex];
        if (list === undefined) {
          list = [];
          supporting[lineIndex] = list;
        }
        list.push(evidenceIndex);
      }
    });

    const candidates: { lineIndex: number; hit: TariffHit }[] = [];
    scores.forEach((score, lineIndex) => {
      if (score <= 0) return;
      const code = (this.lines[lineIndex] as TariffLine).code;
      const share = Math.min(1, Math.round((score / total) * SCORE_DECIMALS) / SCORE_DECIMALS);
      candidates.push({ lineIndex, hit: { code, score: share, matched: [] } });
    });
    candidates.sort((a, b) => byScoreThenCode(a.hit, b.hit));
    const best = candidates[0]?.hit.score ?? 0;
    return candidates
      .filter((candidate) => candidate.hit.score >= best * relativeScoreMin)
      .slice(0, limit)
      .map(({ lineIndex, hit }) => ({ ...hit, matched: reasons(evidence, supporting[lineIndex] ?? []) }));
  }
}

/** Position of the first run of `needle` in `haystack`, or -1. */
function findRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}

/**
 * The reasons for one line: the evidence it matched, in order, without repeats. Adjacent matched bigrams are
 * joined into the span they cover (锂离, 离子, 子蓄 … → 锂离子蓄电池), and a Chinese term inside a longer
 * matched Chinese term is dropped (电池 inside 锂离子蓄电池).
 */
function reasons(evidence: readonly Evidence[], supporting: readonly number[]): MatchedTerm[] {
  // Join bigrams by run: consecutive starts form one span, reported at the span's first bigram.
  const spanTextByEvidence = new Map<number, string | null>();
  const startsByRun = new Map<number, { start: number; evidenceIndex: number; text: string }[]>();
  for (const evidenceIndex of supporting) {
    const bigram = evidence[evidenceIndex]?.bigram;
    if (bigram === undefined) continue;
    const text = (evidence[evidenceIndex] as Evidence).reasons[0]?.term ?? '';
    const list = startsByRun.get(bigram.run) ?? [];
    list.push({ start: bigram.start, evidenceIndex, text });
    startsByRun.set(bigram.run, list);
  }
  for (const list of startsByRun.values()) {
    list.sort((a, b) => a.start - b.start);
    let head = list[0];
    let text = head?.text ?? '';
    for (let position = 1; position <= list.length; position += 1) {
      const current = list[position];
      const previous = list[position - 1] as (typeof list)[number];
      if (current !== undefined && current.start === previous.start + 1) {
        text += Array.from(current.text).at(-1) ?? '';
        spanTextByEvidence.set(current.evidenceIndex, null);
        continue;
      }
      if (head !== undefined) spanTextByEvidence.set(head.evidenceIndex, text);
      head = current;
      text = current?.text ?? '';
    }
  }

  const collected: MatchedTerm[] = [];
  const seen = new Set<string>();
  for (const evidenceIndex of supporting) {
    const item = evidence[evidenceIndex] as Evidence;
    const spanText = spanTextByEvidence.get(evidenceIndex);
    const terms =
      spanText === undefined
        ? item.reasons
        : spanText === null
          ? []
          : [{ ...(item.reasons[0] as MatchedTerm), term: spanText }];
    for (const term of terms) {
      const key = `${term.field}|${term.language}|${term.term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      collected.push(term);
    }
  }
  return collected.filter(
    (term) =>
      !(term.field === 'name' && term.language === 'zh') ||
      !collected.some(
        (other) =>
          other !== term &&
          other.field === 'name' &&
          other.language === 'zh' &&
          other.term.length > term.term.length &&
          other.term.includes(term.term),
      ),
  );
}
