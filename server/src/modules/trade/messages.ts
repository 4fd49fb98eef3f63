import { defineMessages, type Message } from '../../platform/i18n/index.js';
import { DOCUMENT_KINDS } from './declaration-schema.js';
import { riskMessages } from './risk/index.js';

/** Names of the documents a declaration carries besides the dangerous-goods ones (risk/messages.ts has those). */
export const documentNames = defineMessages({
  'trade.document.invoice': { 'zh-CN': '商业发票', en: 'Commercial invoice', ru: 'Коммерческий счёт-фактура' },
  'trade.document.packing_list': { 'zh-CN': '装箱单', en: 'Packing list', ru: 'Упаковочный лист' },
  'trade.document.contract': { 'zh-CN': '合同', en: 'Contract', ru: 'Контракт' },
  'trade.document.certificate_of_origin': {
    'zh-CN': '原产地证书',
    en: 'Certificate of origin',
    ru: 'Сертификат происхождения',
  },
  'trade.document.licence': { 'zh-CN': '许可证', en: 'Licence', ru: 'Лицензия' },
});

const allDocumentNames: Record<string, Message> = { ...riskMessages, ...documentNames };

/**
 * "A document is missing: <its name>" per kind, so the field message names the document in the caller's
 * language (message parameters are not translated, codes are).
 */
export const missingDocumentMessages = defineMessages(
  Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => {
      const name = allDocumentNames[`trade.document.${kind}`]!;
      return [
        `validation.document_missing.${kind}`,
        {
          'zh-CN': `缺少随附单证：${name['zh-CN']}`,
          en: `a document is missing: ${name.en}`,
          ru: `не хватает документа: ${name.ru}`,
        },
      ];
    }),
  ),
);

/** Field problems and problem titles of the trade centre, in the three languages side by side. */
export const tradeMessages = defineMessages({
  'validation.unknown_commodity': {
    'zh-CN': '不是税则中的商品编号',
    en: 'is not a commodity code of the tariff',
    ru: 'нет такого кода товара в тарифе',
  },
  'validation.unit_not_legal': {
    'zh-CN': '不是该商品的法定计量单位',
    en: 'is not a legal unit of this commodity line',
    ru: 'не является законной единицей измерения для этого товара',
  },
  'validation.duplicate_unit': {
    'zh-CN': '同一计量单位填写了两次',
    en: 'gives the same unit twice',
    ru: 'одна и та же единица указана дважды',
  },
  'validation.missing_quantity': {
    'zh-CN': '缺少法定计量单位 {unit} 的数量',
    en: 'needs the quantity in the legal unit {unit}',
    ru: 'нужно количество в законной единице {unit}',
  },
  'validation.not_positive': {
    'zh-CN': '必须大于零',
    en: 'must be greater than zero',
    ru: 'должно быть больше нуля',
  },
  'validation.invalid_decimal': {
    'zh-CN': '必须是非负的十进制数（最多 15 位整数、10 位小数）',
    en: 'must be a non-negative decimal number (at most 15 integer and 10 decimal digits)',
    ru: 'должно быть неотрицательным десятичным числом (до 15 цифр целой и 10 дробной части)',
  },
  'validation.unknown_country': {
    'zh-CN': '未知的国家（地区）代码',
    en: 'is not a known country code',
    ru: 'неизвестный код страны',
  },
  'validation.unknown_currency': {
    'zh-CN': '未知的币制',
    en: 'is not a known currency',
    ru: 'неизвестная валюта',
  },
  'validation.exchange_rate_missing': {
    'zh-CN': '{month} 月没有该币制的海关汇率',
    en: 'has no customs exchange rate for {month}',
    ru: 'нет таможенного курса этой валюты на {month}',
  },
  'validation.missing_freight': {
    'zh-CN': '该成交方式不含运费，请填写运费',
    en: 'these terms of sale exclude freight: give the freight',
    ru: 'эти условия поставки не включают фрахт: укажите фрахт',
  },
  'validation.already_included': {
    'zh-CN': '该成交方式已包含此项费用，不能另行填写',
    en: 'is already included in the price under these terms of sale',
    ru: 'уже включено в цену при этих условиях поставки',
  },
  'validation.no_rate_in_force': {
    'zh-CN': '申报日期没有有效税率',
    en: 'has no rate in force on the declaration date',
    ru: 'нет действующей ставки на дату декларации',
  },
  'validation.licence_required': {
    'zh-CN': '该商品需要监管证件 {licence}',
    en: 'this commodity needs licence {licence}',
    ru: 'для этого товара нужна лицензия {licence}',
  },
  'validation.bill_of_lading_not_found': {
    'zh-CN': '不是本企业的提单号',
    en: 'is not a bill of lading of your enterprise',
    ru: 'не является коносаментом вашего предприятия',
  },
  'validation.direction_mode_mismatch': {
    'zh-CN': '与进出口方向不符',
    en: 'does not fit the direction of the declaration',
    ru: 'не соответствует направлению декларации',
  },
  'validation.month_format': {
    'zh-CN': '月份格式应为 YYYY-MM',
    en: 'must be a month written YYYY-MM',
    ru: 'месяц в формате ГГГГ-ММ',
  },
  'problem.declaration_state': {
    'zh-CN': '报关单当前状态不允许此操作',
    en: 'The declaration is not in a state that allows this',
    ru: 'Текущее состояние декларации не допускает это действие',
  },
  'problem.declaration_state.detail': {
    'zh-CN': '报关单状态为 {status}，不能执行“{action}”。',
    en: 'The declaration is {status}; "{action}" is not possible now.',
    ru: 'Декларация в состоянии {status}; действие «{action}» сейчас невозможно.',
  },
  'problem.payment_required': {
    'zh-CN': '放行前须缴纳税款或提供担保',
    en: 'Taxes must be paid or guaranteed before release',
    ru: 'До выпуска необходимо уплатить или обеспечить платежи',
  },
  'problem.payment_required.detail': {
    'zh-CN': '应缴税款 {tax} 元尚未缴纳，也没有足额担保。',
    en: 'CNY {tax} of taxes is neither paid nor covered by a guarantee.',
    ru: 'Платежи {tax} юаней не уплачены и не обеспечены гарантией.',
  },
  'problem.dg_documents_missing': {
    'zh-CN': '“新三样”出口缺少危险品单证',
    en: 'Dangerous-goods documents are missing for this "new three" export',
    ru: 'Для экспорта «новой тройки» не хватает документов на опасный груз',
  },
  'problem.dg_documents_missing.detail': {
    'zh-CN': '按所选运输方式，还需要 {count} 份单证，详见各字段。',
    en: 'The chosen transport mode needs {count} more document(s); each is named below.',
    ru: 'Для выбранного вида транспорта нужно ещё документов: {count}; каждый указан ниже.',
  },
  'problem.guarantee_insufficient': {
    'zh-CN': '担保余额不足',
    en: 'The guarantee balance is not enough',
    ru: 'Остатка гарантии недостаточно',
  },
});
