import { defineMessages } from '../../platform/i18n/index.js';

/** Field problems and problem titles of the bonded ledger, in the three languages side by side. */
export const bondedMessages = defineMessages({
  'validation.unknown_book': {
    'zh-CN': '不是本企业的电子账册',
    en: 'is not an account book of this enterprise',
    ru: 'не является электронной книгой учёта этого предприятия',
  },
  'validation.declaration_required': {
    'zh-CN': '出区内销（非分批）须附进口报关单表头',
    en: 'a second-line exit to the domestic market needs its import declaration header (or batch release)',
    ru: 'для вывоза на внутренний рынок (не партиями) нужен заголовок импортной декларации',
  },
  'validation.declaration_not_allowed': {
    'zh-CN': '只有非分批的出区内销清单附报关单表头',
    en: 'only a second-line exit that is not a batch release carries a declaration',
    ru: 'декларацию прикладывают только к вывозу на внутренний рынок не партиями',
  },
  'validation.list_declared': {
    'zh-CN': '该清单的货物已申报进口，请更正报关单而非冲销清单',
    en: 'the goods of this list have been declared for import: amend the declaration instead of reversing the list',
    ru: 'товары этого списка задекларированы к ввозу: исправьте декларацию, а не сторнируйте список',
  },
  'validation.item_not_on_list': {
    'zh-CN': '该项号不在本次出区的清单中',
    en: 'this item is not released by the list',
    ru: 'этой позиции нет в выпускаемом списке',
  },
  'validation.mixed_currencies': {
    'zh-CN': '一份报关单只能用一种币制，这些商品的币制为 {currencies}',
    en: 'one declaration has one currency; these items are priced in {currencies}',
    ru: 'в одной декларации одна валюта; эти позиции оценены в {currencies}',
  },
  'validation.too_many_declaration_items': {
    'zh-CN': '一份报关单最多 {max} 项商品',
    en: 'a declaration holds at most {max} items',
    ru: 'в декларации не более {max} позиций',
  },
  'validation.second_quantity_required': {
    'zh-CN': '项号 {itemNo} 的商品编码有第二法定计量单位（{unit}），请填写第二数量',
    en: 'item {itemNo} has a second legal unit ({unit}): give the second quantity',
    ru: 'у позиции {itemNo} есть вторая единица измерения ({unit}): укажите второе количество',
  },
  'validation.loss_rate_out_of_range': {
    'zh-CN': '工艺损耗率必须是 0 到 1 之间的小数（不含 1），如 0.04',
    en: 'the loss rate is a fraction from 0 up to (not including) 1, e.g. 0.04',
    ru: 'потери — доля от 0 до 1 (не включая 1), например 0.04',
  },
  'validation.unknown_item': {
    'zh-CN': '账册中没有该项号',
    en: 'is not an item number of the book',
    ru: 'в книге учёта нет такого номера позиции',
  },
  'validation.insufficient_balance': {
    'zh-CN': '余额不足：项号 {itemNo} 结存 {balance}，本清单需核减 {required}',
    en: 'insufficient balance: item {itemNo} holds {balance}, the list takes {required}',
    ru: 'недостаточный остаток: позиция {itemNo} — {balance}, список списывает {required}',
  },
  'validation.client_id_reused': {
    'zh-CN': '该客户端编号已用于内容不同的清单',
    en: 'was already used for a list with different content',
    ru: 'уже использован для списка с другим содержимым',
  },
  'validation.invalid_quantity': {
    'zh-CN': '数量必须是大于零的十进制数，最多 3 位小数',
    en: 'must be a decimal greater than zero with at most 3 decimals',
    ru: 'должно быть десятичным числом больше нуля, не более 3 знаков после запятой',
  },
  'validation.invalid_signed_quantity': {
    'zh-CN': '盘盈为正、盘亏为负，不能为零，最多 3 位小数',
    en: 'must be a non-zero decimal (positive: surplus, negative: shortfall) with at most 3 decimals',
    ru: 'ненулевое десятичное число (плюс — излишек, минус — недостача), не более 3 знаков',
  },
  'validation.no_norm': {
    'zh-CN': '该成品未备案单耗',
    en: 'has no consumption norm registered for this product',
    ru: 'для этого изделия не зарегистрированы нормы расхода',
  },
  'validation.not_processing_book': {
    'zh-CN': '只有加工贸易账册可以申报加工',
    en: 'processing is declared only in a processing book',
    ru: 'переработка оформляется только в книге переработки',
  },
  'validation.unit_mismatch': {
    'zh-CN': '计量单位与对方账册项号不一致（{from} / {to}）',
    en: 'the units of the two items differ ({from} / {to})',
    ru: 'единицы измерения позиций различаются ({from} / {to})',
  },
  'validation.commodity_mismatch': {
    'zh-CN': '商品编号与对方账册项号不一致',
    en: 'the commodity codes of the two items differ',
    ru: 'коды товаров двух позиций различаются',
  },
  'validation.same_book': {
    'zh-CN': '转出与转入不能是同一账册',
    en: 'the sending and receiving books must differ',
    ru: 'книги отправителя и получателя должны различаться',
  },
  'validation.kind_not_allowed': {
    'zh-CN': '此类清单须通过专用接口申报（结转、冲销）',
    en: 'this kind is filed through its own endpoint (transfers, reversals)',
    ru: 'этот вид подаётся через отдельный метод (перемещения, сторно)',
  },
  'validation.crosses_year': {
    'zh-CN': '集中申报不能跨年度',
    en: 'a consolidated declaration may not cross a calendar year',
    ru: 'сводная декларация не может охватывать два календарных года',
  },
  'validation.period_too_long': {
    'zh-CN': '集中申报期限不能超过一个自然月',
    en: 'a consolidated declaration covers at most one calendar month',
    ru: 'сводная декларация охватывает не более одного календарного месяца',
  },
  'validation.not_approved_for_batch_release': {
    'zh-CN': '该账册未获准分批出区、集中申报',
    en: 'this book is not approved for batch release with consolidated declaration',
    ru: 'для этой книги не одобрен поэтапный вывоз со сводным декларированием',
  },
  'validation.duplicate_item_no': {
    'zh-CN': '项号已存在',
    en: 'this item number already exists in the book',
    ru: 'такой номер позиции уже есть в книге',
  },
  'validation.list_refused': {
    'zh-CN': '该客户端编号的清单已被海关退回',
    en: 'the list with this client id was refused by customs',
    ru: 'список с этим идентификатором отклонён таможней',
  },
  'validation.already_reversed': {
    'zh-CN': '该清单已冲销',
    en: 'this list has already been reversed',
    ru: 'этот список уже сторнирован',
  },
  'validation.not_reversible': {
    'zh-CN': '只能冲销已核注的清单（冲销清单本身不能再冲销）',
    en: 'only a posted list can be reversed (a reversal itself cannot)',
    ru: 'сторнировать можно только проведённый список (но не сам сторно-список)',
  },
  'validation.not_posted': {
    'zh-CN': '清单尚未核注',
    en: 'the list has not been posted',
    ru: 'список ещё не проведён',
  },
  'validation.direction_mismatch': {
    'zh-CN': '清单的进出方向与核放单不一致',
    en: 'the list moves goods the other way through the gate',
    ru: 'список перемещает товар через КПП в другом направлении',
  },
  'validation.period_overlaps': {
    'zh-CN': '与本账册已有的集中申报期间重叠',
    en: 'overlaps a consolidation period of this book',
    ru: 'пересекается с другим периодом сводного декларирования этой книги',
  },
  'problem.consolidation_state': {
    'zh-CN': '集中申报已申报，不能再变更',
    en: 'The consolidated declaration has already been filed',
    ru: 'Сводная декларация уже подана',
  },
  'problem.consolidation_period_open': {
    'zh-CN': '申报期间尚未结束（至 {periodTo}）',
    en: 'The period is still running (until {periodTo})',
    ru: 'Период ещё не закончился (до {periodTo})',
  },
  'problem.gate_pass_state': {
    'zh-CN': '该核放单已过卡',
    en: 'The vehicle has already passed the gate on this pass',
    ru: 'По этому пропуску транспорт уже прошёл КПП',
  },
  'problem.list_rejected': {
    'zh-CN': '清单未核注',
    en: 'The list was not posted',
    ru: 'Список не проведён',
  },
  'problem.list_rejected.detail': {
    'zh-CN': '清单的任何一行都没有记账；请按字段错误更正后重新申报',
    en: 'No line of the list was posted; correct the fields named and submit again',
    ru: 'Ни одна строка списка не проведена; исправьте указанные поля и отправьте снова',
  },
  'problem.list_state': {
    'zh-CN': '清单当前状态不允许此操作',
    en: 'The list is not in a state that allows this',
    ru: 'Состояние списка не допускает это действие',
  },
  'problem.too_many_lists': {
    'zh-CN': '单次请求的清单或表体行过多',
    en: 'Too many lists or lines in one request',
    ru: 'Слишком много списков или строк в одном запросе',
  },
});
