import { defineMessages } from '../../platform/i18n/index.js';

/** Problems of bulk lines and of matching, as the error report and the API word them. */
export const ecommerceMessages = defineMessages({
  'validation.not_on_positive_list': {
    'zh-CN': '不在跨境电商零售进口商品清单内',
    en: 'is not on the CBEC retail import positive list',
    ru: 'нет в положительном перечне розничного импорта трансграничной электронной торговли',
  },
  'validation.order_lines_disagree': {
    'zh-CN': '同一订单的各行在模式、订购人或日期上不一致',
    en: 'lines of one order disagree on mode, consumer or date',
    ru: 'строки одного заказа расходятся в режиме, покупателе или дате',
  },
  'validation.order_has_invalid_line': {
    'zh-CN': '同一订单的其他行有错误，整单未接收',
    en: 'another line of this order is invalid, so the order was not accepted',
    ru: 'другая строка этого заказа содержит ошибку, заказ не принят',
  },
  'validation.too_many_items': {
    'zh-CN': '订单商品行过多',
    en: 'the order has too many lines',
    ru: 'в заказе слишком много строк',
  },
  'validation.unreadable_csv_record': {
    'zh-CN': '无法读取的 CSV 行（引号或列数错误）',
    en: 'unreadable CSV record (quoting or number of columns)',
    ru: 'нечитаемая запись CSV (кавычки или число столбцов)',
  },
  'validation.invalid_json': {
    'zh-CN': '不是一个 JSON 对象',
    en: 'is not a JSON object',
    ru: 'не является объектом JSON',
  },
  'validation.line_too_long': {
    'zh-CN': '行过长',
    en: 'the line is too long',
    ru: 'слишком длинная строка',
  },
  'validation.amount_mismatch': {
    'zh-CN': '支付金额与订单金额不符（三单对碰失败）',
    en: 'the payment does not equal the order total (three-document match failed)',
    ru: 'сумма платежа не равна сумме заказа (сверка трёх документов не пройдена)',
  },
  'validation.payer_mismatch': {
    'zh-CN': '支付人与订购人不是同一人（三单对碰失败）',
    en: 'the payer is not the consumer who ordered (three-document match failed)',
    ru: 'плательщик не совпадает с покупателем (сверка трёх документов не пройдена)',
  },
  'validation.consignee_mismatch': {
    'zh-CN': '收件人与订购人不是同一人（三单对碰失败）',
    en: 'the consignee is not the consumer who ordered (three-document match failed)',
    ru: 'получатель не совпадает с покупателем (сверка трёх документов не пройдена)',
  },
  'validation.annual_limit_exceeded': {
    'zh-CN': '超过个人年度交易限值 26000 元',
    en: 'takes the consumer over the CNY 26,000 annual limit',
    ru: 'превышает годовой лимит покупателя 26 000 юаней',
  },
  'validation.order_limit_exceeded': {
    'zh-CN': '超过单次交易限值 5000 元且不是单件不可分割商品',
    en: 'over the CNY 5,000 single-order limit and not one indivisible item',
    ru: 'превышает лимит 5 000 юаней на заказ и не является одним неделимым товаром',
  },
  'validation.quantity_cap_exceeded': {
    'zh-CN': '超过该商品的个人年度数量限制',
    en: "takes the consumer over this line's yearly quantity cap",
    ru: 'превышает годовой лимит покупателя по количеству этого товара',
  },
  'validation.tax_not_computable': {
    'zh-CN': '无法计算税款（缺少法定数量或税率）',
    en: 'taxes cannot be computed (a legal quantity or a rate is missing)',
    ru: 'налоги не рассчитываются (нет законного количества или ставки)',
  },
  'problem.too_many_lines': {
    'zh-CN': '上传文件行数超过上限',
    en: 'The upload has too many lines',
    ru: 'В загрузке слишком много строк',
  },
  'problem.too_many_lines.detail': {
    'zh-CN': '一次上传最多 {max} 行；已处理的批次已保存，请拆分文件后继续。',
    en: 'An upload holds at most {max} lines; the batches already processed are kept — split the file and go on.',
    ru: 'Загрузка содержит не более {max} строк; обработанные пакеты сохранены — разделите файл и продолжайте.',
  },
});
