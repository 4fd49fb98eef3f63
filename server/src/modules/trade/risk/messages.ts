// Three-language texts for the risk engine's reasons, the fast lane's documents, credit classes and channels.
// Reason texts use the reason's params as {placeholders}; engine.test.ts checks every placeholder is filled.
import { defineMessages, type Message } from '../../../platform/i18n/index.js';
import type { RiskReasonCode } from './engine.js';
import type { DgDocumentKind } from './fast-lane.js';
import type { Channel, CreditClass } from './rules.js';

/** The message key of a reason code. */
export function riskReasonMessageKey(code: RiskReasonCode): `trade.risk.${RiskReasonCode}` {
  return `trade.risk.${code}`;
}

/** The message key of a document kind. */
export function documentMessageKey(kind: DgDocumentKind): `trade.document.${DgDocumentKind}` {
  return `trade.document.${kind}`;
}

export function creditClassMessageKey(creditClass: CreditClass): `trade.credit_class.${CreditClass}` {
  return `trade.credit_class.${creditClass}`;
}

export function channelMessageKey(channel: Channel): `trade.channel.${Channel}` {
  return `trade.channel.${channel}`;
}

// `satisfies` with template-literal keys makes a missing code, kind, class or channel a type error.
const reasons = {
  'trade.risk.rule.hs_prefix': {
    'zh-CN': '商品编号 {code} 命中布控的税号前缀 {prefix}',
    en: 'Commodity code {code} falls under the targeted HS prefix {prefix}',
    ru: 'Код товара {code} подпадает под контролируемый префикс ТН ВЭД {prefix}',
  },
  'trade.risk.rule.origin': {
    'zh-CN': '商品 {code} 的原产国 {country} 在布控范围内',
    en: 'Goods {code} originate in {country}, a targeted country of origin',
    ru: 'Товар {code} происходит из страны {country}, находящейся под контролем',
  },
  'trade.risk.rule.trade_country': {
    'zh-CN': '贸易国 {country} 在布控范围内',
    en: 'The trading country {country} is targeted',
    ru: 'Страна-контрагент {country} находится под контролем',
  },
  'trade.risk.rule.credit_class': {
    'zh-CN': '企业信用等级（{class}）在布控范围内',
    en: 'The enterprise’s credit class ({class}) is targeted',
    ru: 'Категория надёжности предприятия ({class}) находится под контролем',
  },
  'trade.risk.rule.unit_value_band': {
    'zh-CN': '商品 {code} 的单位完税价格 {value} 元（每法定计量单位）不在参考区间 {band} 元内，可能低报价格',
    en: 'Goods {code} are valued at CNY {value} per legal unit, outside the reference band of CNY {band}: possible under-valuation',
    ru: 'Таможенная стоимость товара {code} — {value} юаней за единицу измерения, вне контрольного диапазона {band} юаней: возможно занижение',
  },
  'trade.risk.rule.first_time_declarant': {
    'zh-CN': '企业首次申报',
    en: 'The enterprise declares for the first time',
    ru: 'Предприятие декларирует впервые',
  },
  'trade.risk.rule.watch_list': {
    'zh-CN': '收发货人在重点关注名单上',
    en: 'The consignee or consignor is on a watch list',
    ru: 'Получатель или отправитель включён в список особого контроля',
  },
  'trade.risk.credit_class': {
    'zh-CN': '失信企业的申报均需人工审核（{class}）',
    en: 'Declarations of discredited enterprises are always reviewed ({class})',
    ru: 'Декларации недобросовестных предприятий всегда проверяются ({class})',
  },
  'trade.risk.sampling': {
    'zh-CN': '随机抽中查验（抽查比例 {percent}%）',
    en: 'Selected for inspection by random sampling (rate {percent}%)',
    ru: 'Выбрано для досмотра случайной выборкой (доля {percent}%)',
  },
} satisfies Record<`trade.risk.${RiskReasonCode}`, Message>;

const documents = {
  'trade.document.un38_3_summary': {
    'zh-CN': 'UN38.3 测试概要',
    en: 'UN38.3 test summary',
    ru: 'Сводка испытаний UN38.3',
  },
  'trade.document.sds': {
    'zh-CN': '化学品安全技术说明书（SDS）',
    en: 'Safety data sheet (SDS)',
    ru: 'Паспорт безопасности (SDS)',
  },
  'trade.document.dg_packaging_certificate': {
    'zh-CN': '出境危险货物运输包装使用鉴定结果单（危包证）',
    en: 'Dangerous-goods packaging certificate',
    ru: 'Свидетельство о пригодности тары для опасных грузов',
  },
  'trade.document.transport_condition_report': {
    'zh-CN': '货物运输条件鉴定书',
    en: 'Transport-condition appraisal report',
    ru: 'Заключение об условиях перевозки груза',
  },
  'trade.document.msa_dg_declaration': {
    'zh-CN': '海事局危险货物申报',
    en: 'Dangerous-goods declaration to the Maritime Safety Administration',
    ru: 'Декларация опасного груза для Морской администрации (MSA)',
  },
} satisfies Record<`trade.document.${DgDocumentKind}`, Message>;

const creditClasses = {
  'trade.credit_class.advanced_certified': {
    'zh-CN': '高级认证企业',
    en: 'Advanced certified enterprise',
    ru: 'Предприятие с высшей сертификацией',
  },
  'trade.credit_class.certified': {
    'zh-CN': '认证企业',
    en: 'Certified enterprise',
    ru: 'Сертифицированное предприятие',
  },
  'trade.credit_class.regular': {
    'zh-CN': '常规企业',
    en: 'Regular enterprise',
    ru: 'Обычное предприятие',
  },
  'trade.credit_class.discredited': {
    'zh-CN': '失信企业',
    en: 'Discredited enterprise',
    ru: 'Недобросовестное предприятие',
  },
  'trade.credit_class.seriously_discredited': {
    'zh-CN': '严重失信企业',
    en: 'Seriously discredited enterprise',
    ru: 'Крайне недобросовестное предприятие',
  },
} satisfies Record<`trade.credit_class.${CreditClass}`, Message>;

const channels = {
  'trade.channel.auto_release': {
    'zh-CN': '无纸化放行',
    en: 'Automatic release',
    ru: 'Автоматический выпуск',
  },
  'trade.channel.document_review': {
    'zh-CN': '单证审核',
    en: 'Document review',
    ru: 'Проверка документов',
  },
  'trade.channel.inspection': {
    'zh-CN': '查验',
    en: 'Inspection',
    ru: 'Досмотр',
  },
} satisfies Record<`trade.channel.${Channel}`, Message>;

export const riskMessages = defineMessages({ ...reasons, ...documents, ...creditClasses, ...channels });
