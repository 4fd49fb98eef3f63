import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  type DeclarationValues,
  deadlineState,
  declarationFormPath,
  elapsedMinutes,
  formatDuration,
  fractionToPercent,
  percentToFraction,
  placeFieldErrors,
  toDeclarationRequest,
  transportModeOf,
} from './model';

describe('percent and fraction strings', () => {
  it('moves the decimal point exactly, without floats', () => {
    expect(fractionToPercent('0.015')).toBe('1.5');
    expect(fractionToPercent('0.13')).toBe('13');
    expect(fractionToPercent('1')).toBe('100');
    expect(fractionToPercent('0')).toBe('0');
    expect(fractionToPercent('0.0000000001')).toBe('0.00000001');
    expect(percentToFraction('1.5')).toBe('0.015');
    expect(percentToFraction('100')).toBe('1');
    expect(percentToFraction('0.5')).toBe('0.005');
    expect(percentToFraction('2,5')).toBe('0.025');
    expect(percentToFraction('0')).toBe('0');
    expect(percentToFraction('abc')).toBeNull();
    expect(percentToFraction('-1')).toBeNull();
  });

  it('round-trips', () => {
    for (const fraction of ['0.005', '0.025', '0.8', '1', '0.0125']) {
      expect(percentToFraction(fractionToPercent(fraction))).toBe(fraction);
    }
  });
});

describe('declarationFormPath', () => {
  it('maps server fields onto the form, quantities onto their two fields', () => {
    expect(declarationFormPath('body.items.0.code')).toEqual(['items', 0, 'code']);
    expect(declarationFormPath('body.items.2.quantities')).toEqual(['items', 2, 'quantity1']);
    expect(declarationFormPath('body.items.1.quantities.1.amount')).toEqual(['items', 1, 'quantity2']);
    expect(declarationFormPath('body.items.1.licences')).toEqual(['items', 1, 'licences']);
    expect(declarationFormPath('body.items.1.licences.0.number')).toEqual(['items', 1, 'licences']);
    expect(declarationFormPath('body.documents')).toEqual(['documents']);
    expect(declarationFormPath('body.documents.3.validUntil')).toEqual(['documents', 3, 'validUntil']);
    expect(declarationFormPath('body.foreignParty.country')).toEqual(['foreignParty', 'country']);
    expect(declarationFormPath('body.loadingPort')).toEqual(['loadingPort']);
    expect(declarationFormPath('body')).toBeNull();
    expect(declarationFormPath('body.items')).toBeNull();
  });

  it('groups a problem’s messages by field and keeps the rest for the alert', () => {
    const placed = placeFieldErrors([
      { field: 'body.loadingPort', message: 'unknown' },
      { field: 'body.loadingPort', message: 'wrong side' },
      { field: 'body', message: 'enterprise required' },
    ]);
    expect(placed.byPath.get('loadingPort')).toEqual(['unknown', 'wrong side']);
    expect(placed.unplaced).toEqual(['enterprise required']);
  });
});

describe('toDeclarationRequest', () => {
  const complete: DeclarationValues = {
    direction: 'export',
    supervisionMode: '0110',
    transportMode: '3',
    termsOfSale: 'FOB',
    loadingPort: 'CNJZH',
    dischargePort: 'RUSLT',
    foreignParty: { name: ' OOO Vostok ', country: 'RU', aeo: false },
    tradeCountry: 'RU',
    currency: 'USD',
    freightAmount: '',
    blNumber: 'SCOB2600000080',
    declarationDate: dayjs('2026-11-30'),
    twoStep: false,
    items: [
      {
        code: '8507600090',
        description: 'Li-ion packs',
        quantity1: '120',
        unit1: '007',
        quantity2: '3600',
        unit2: '035',
        priceAmount: '180000',
        originCountry: 'CN',
        licences: [{ code: '4', number: ' ' }],
      },
    ],
    documents: [{ kind: 'invoice', reference: 'INV-1' }, { kind: 'sds' }],
  };

  it('builds the request, leaving out empty optional fields and unfinished rows', () => {
    expect(toDeclarationRequest(complete)).toEqual({
      direction: 'export',
      supervisionMode: '0110',
      transportMode: '3',
      termsOfSale: 'FOB',
      loadingPort: 'CNJZH',
      dischargePort: 'RUSLT',
      foreignParty: { name: 'OOO Vostok', country: 'RU' },
      tradeCountry: 'RU',
      currency: 'USD',
      blNumber: 'SCOB2600000080',
      declarationDate: '2026-11-30',
      items: [
        {
          code: '8507600090',
          description: 'Li-ion packs',
          quantities: [
            { amount: '120', unit: '007' },
            { amount: '3600', unit: '035' },
          ],
          priceAmount: '180000',
          originCountry: 'CN',
        },
      ],
      documents: [{ kind: 'invoice', reference: 'INV-1' }],
    });
  });

  it('asks nothing while the form is incomplete or malformed', () => {
    expect(toDeclarationRequest({ ...complete, transportMode: undefined })).toBeNull();
    expect(toDeclarationRequest({ ...complete, foreignParty: { name: '', country: 'RU' } })).toBeNull();
    const item = complete.items?.[0] ?? {};
    expect(toDeclarationRequest({ ...complete, items: [{ ...item, code: '85076000' }] })).toBeNull();
    expect(toDeclarationRequest({ ...complete, items: [{ ...item, quantity2: '' }] })).toBeNull();
    expect(toDeclarationRequest({ ...complete, items: [{ ...item, priceAmount: '1,000' }] })).toBeNull();
    expect(toDeclarationRequest({ ...complete, items: [] })).toBeNull();
    expect(toDeclarationRequest({ ...complete, freightAmount: 'x' })).toBeNull();
    // A line without a second unit needs no second quantity.
    expect(
      toDeclarationRequest({ ...complete, items: [{ ...item, unit2: undefined, quantity2: undefined }] })?.items[0]
        ?.quantities,
    ).toEqual([{ amount: '120', unit: '007' }]);
  });
});

describe('the fast lane deadline', () => {
  const submittedAt = '2026-11-30T00:00:00.000Z';
  const targetReleaseAt = '2026-11-30T02:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('says on target, open, due soon or overdue', () => {
    const open = { targetReleaseAt, status: 'submitted' as const, decidedAt: null };
    expect(deadlineState(open, at('2026-11-30T01:00:00Z'))).toBe('open');
    expect(deadlineState(open, at('2026-11-30T01:50:00Z'))).toBe('at_risk');
    expect(deadlineState(open, at('2026-11-30T02:01:00Z'))).toBe('overdue');
    const released = { targetReleaseAt, status: 'released' as const, decidedAt: '2026-11-30T01:10:00Z' };
    expect(deadlineState(released, at('2026-12-01T00:00:00Z'))).toBe('on_target');
    expect(deadlineState({ ...released, decidedAt: '2026-11-30T03:00:00Z' }, 0)).toBe('overdue');
    expect(deadlineState({ ...open, targetReleaseAt: null }, 0)).toBeNull();
    expect(
      elapsedMinutes({ submittedAt, status: 'released', decidedAt: '2026-11-30T01:10:00Z' }, at('2026-12-01T00:00Z')),
    ).toBe(70);
    expect(elapsedMinutes({ submittedAt, status: 'submitted', decidedAt: null }, at('2026-11-30T00:30:00Z'))).toBe(30);
  });

  it('writes durations in the reader’s language', () => {
    expect(formatDuration(85, 'en')).toBe('1 hr 25 min');
    expect(formatDuration(0.2, 'en')).toBe('0 min');
    expect(formatDuration(1500, 'en')).toBe('1 day 1 hr');
    expect(formatDuration(85, 'ru')).toMatch(/^1 ч 25 мин/);
  });
});

describe('transportModeOf', () => {
  it('takes the main carriage', () => {
    expect(transportModeOf(['drayage', 'rail', 'road'])).toBe('3');
    expect(transportModeOf(['sea'])).toBe('2');
    expect(transportModeOf(['air'])).toBe('5');
    expect(transportModeOf(['drayage'])).toBeNull();
  });
});
