// Legal units of quantity (法定计量单位) used by the tariff catalogue.
//
// The keys are GACC's 3-digit measurement-unit codes (计量单位代码) as they appear on a declaration;
// `rec20` is the UN/ECE Recommendation 20 code, which is what the platform's API uses for quantities
// elsewhere (DESIGN.md: "quantities with a unit (UN/ECE Rec. 20 codes)"). The GACC codes are not in
// customs.md: they match the parameter table as reproduced in public declaration software (memory, verify
// against GACC's current parameter table before relying on them outside the demo).

export interface UnitInfo {
  readonly code: string;
  readonly rec20: string;
  readonly symbol: string;
  readonly names: { readonly zh: string; readonly en: string; readonly ru: string };
}

export const UNITS = {
  '001': { code: '001', rec20: 'C62', symbol: '台', names: { zh: '台', en: 'unit (machine)', ru: 'единица (машина)' } },
  '003': { code: '003', rec20: 'C62', symbol: '辆', names: { zh: '辆', en: 'vehicle', ru: 'транспортное средство' } },
  '007': { code: '007', rec20: 'H87', symbol: '个', names: { zh: '个', en: 'piece', ru: 'штука' } },
  '011': { code: '011', rec20: 'H87', symbol: '件', names: { zh: '件', en: 'article', ru: 'изделие' } },
  '015': { code: '015', rec20: 'H87', symbol: '条', names: { zh: '条', en: 'piece (tyre)', ru: 'штука (шина)' } },
  '017': { code: '017', rec20: 'H87', symbol: '块', names: { zh: '块', en: 'panel', ru: 'панель' } },
  '025': { code: '025', rec20: 'PR', symbol: '双', names: { zh: '双', en: 'pair', ru: 'пара' } },
  '032': {
    code: '032',
    rec20: 'MTK',
    symbol: 'm²',
    names: { zh: '平方米', en: 'square metre', ru: 'квадратный метр' },
  },
  '033': { code: '033', rec20: 'MTQ', symbol: 'm³', names: { zh: '立方米', en: 'cubic metre', ru: 'кубический метр' } },
  '035': { code: '035', rec20: 'KGM', symbol: 'kg', names: { zh: '千克', en: 'kilogram', ru: 'килограмм' } },
  '062': { code: '062', rec20: 'KWH', symbol: 'kWh', names: { zh: '千瓦时', en: 'kilowatt hour', ru: 'киловатт-час' } },
  '095': { code: '095', rec20: 'LTR', symbol: 'L', names: { zh: '升', en: 'litre', ru: 'литр' } },
  '143': {
    code: '143',
    rec20: 'T3',
    symbol: '千支',
    names: { zh: '千支', en: 'thousand sticks', ru: 'тысяча штук (сигарет)' },
  },
} as const satisfies Record<string, UnitInfo>;

export type UnitCode = keyof typeof UNITS;

export function isUnitCode(code: string): code is UnitCode {
  return Object.hasOwn(UNITS, code);
}
