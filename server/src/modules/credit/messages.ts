import { defineMessages } from '../../platform/i18n/index.js';

/** Factor names and reasons, grade meanings, fact kinds and problems of the credit module, in three languages. */
export const creditMessages = defineMessages({
  'credit.factor.base': { 'zh-CN': '基础分', en: 'Base score', ru: 'Базовый балл' },
  'credit.factor.base.reason': {
    'zh-CN': '每家企业起评 {points} 分',
    en: 'Every enterprise starts from {points} points',
    ru: 'Каждое предприятие начинает с {points} баллов',
  },
  'credit.factor.release_record': { 'zh-CN': '放行记录', en: 'Release record', ru: 'История выпуска' },
  'credit.factor.release_record.reason': {
    'zh-CN': '已放行报关单 {count} 票：每 5 票加 1 分，最多 {cap} 分，得 {points} 分',
    en: '{count} declarations released: 1 point per 5, at most {cap}; {points} points',
    ru: 'Выпущено деклараций: {count}; 1 балл за каждые 5, не более {cap}; итого {points}',
  },
  'credit.factor.duty_record': { 'zh-CN': '按时缴税记录', en: 'Duty paid on time', ru: 'Своевременная уплата пошлин' },
  'credit.factor.duty_record.reason': {
    'zh-CN': '按时缴税 {count} 次：每 5 次加 1 分，最多 {cap} 分，得 {points} 分',
    en: '{count} payments on time: 1 point per 5, at most {cap}; {points} points',
    ru: 'Своевременных платежей: {count}; 1 балл за каждые 5, не более {cap}; итого {points}',
  },
  'credit.factor.declaration_accuracy': {
    'zh-CN': '申报准确性（退单）',
    en: 'Declaration accuracy (rejections)',
    ru: 'Точность деклараций (отказы)',
  },
  'credit.factor.declaration_accuracy.reason': {
    'zh-CN': '被退单 {count} 票：每票扣 3 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} declarations rejected: 3 points each, at most {cap}; {points} points',
    ru: 'Отклонено деклараций: {count}; по 3 балла, не более {cap}; итого {points}',
  },
  'credit.factor.amendments': { 'zh-CN': '报关单修改', en: 'Declaration amendments', ru: 'Изменения деклараций' },
  'credit.factor.amendments.reason': {
    'zh-CN': '修改报关单 {count} 次：每次扣 2 分，最多扣 {cap} 分，扣 {points} 分（平台尚无修改记录）',
    en: '{count} amendments: 2 points each, at most {cap}; {points} points (the platform records none yet)',
    ru: 'Изменений: {count}; по 2 балла, не более {cap}; итого {points} (платформа их пока не фиксирует)',
  },
  'credit.factor.inspection_findings': { 'zh-CN': '查验异常', en: 'Inspection findings', ru: 'Результаты досмотра' },
  'credit.factor.inspection_findings.reason': {
    'zh-CN': '查验发现不符 {count} 次：每次扣 5 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} inspections found a discrepancy: 5 points each, at most {cap}; {points} points',
    ru: 'Расхождений при досмотре: {count}; по 5 баллов, не более {cap}; итого {points}',
  },
  'credit.factor.duty_timeliness': { 'zh-CN': '逾期缴税', en: 'Late duty payments', ru: 'Просрочка уплаты пошлин' },
  'credit.factor.duty_timeliness.reason': {
    'zh-CN': '放行后超过 15 天缴税 {count} 次：每次扣 4 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} payments more than 15 days after release: 4 points each, at most {cap}; {points} points',
    ru: 'Платежей позже 15 дней после выпуска: {count}; по 4 балла, не более {cap}; итого {points}',
  },
  'credit.factor.bonded_discrepancies': {
    'zh-CN': '保税账册盘点差异',
    en: 'Bonded book discrepancies',
    ru: 'Расхождения в бондовых книгах',
  },
  'credit.factor.bonded_discrepancies.reason': {
    'zh-CN': '经海关批准的盘点调整 {count} 次：每次扣 3 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} stocktake adjustments approved by customs: 3 points each, at most {cap}; {points} points',
    ru: 'Корректировок по инвентаризации: {count}; по 3 балла, не более {cap}; итого {points}',
  },
  'credit.factor.overdue_consolidations': {
    'zh-CN': '集中申报逾期',
    en: 'Overdue consolidated declarations',
    ru: 'Просроченные сводные декларации',
  },
  'credit.factor.overdue_consolidations.reason': {
    'zh-CN': '集中申报逾期 {count} 次：每次扣 5 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} consolidated declarations overdue: 5 points each, at most {cap}; {points} points',
    ru: 'Просрочено сводных деклараций: {count}; по 5 баллов, не более {cap}; итого {points}',
  },
  'credit.factor.logistics_cancellations': {
    'zh-CN': '物流订舱取消',
    en: 'Cancelled shipments',
    ru: 'Отменённые перевозки',
  },
  'credit.factor.logistics_cancellations.reason': {
    'zh-CN': '取消已订舱货物 {count} 次：每次扣 1 分，最多扣 {cap} 分，扣 {points} 分',
    en: '{count} booked shipments cancelled: 1 point each, at most {cap}; {points} points',
    ru: 'Отменено перевозок: {count}; по 1 баллу, не более {cap}; итого {points}',
  },
  'credit.grade.A': {
    'zh-CN': 'A 级（优）：守信，享受绿色通道、较低抽查比例',
    en: 'Grade A (excellent): trustworthy; green channel, lower sampling',
    ru: 'Класс A (отлично): надёжный; зелёный коридор, меньше выборочных проверок',
  },
  'credit.grade.B': {
    'zh-CN': 'B 级（良）：一般信用，常规监管',
    en: 'Grade B (good): regular supervision',
    ru: 'Класс B (хорошо): обычный контроль',
  },
  'credit.grade.C': {
    'zh-CN': 'C 级（关注）：存在失信记录，加强监管',
    en: 'Grade C (watch): breaches on record; closer supervision',
    ru: 'Класс C (внимание): есть нарушения; усиленный контроль',
  },
  'credit.grade.D': {
    'zh-CN': 'D 级（差）：严重失信，重点监管、提高抽查比例',
    en: 'Grade D (poor): serious breaches; targeted supervision, higher sampling',
    ru: 'Класс D (плохо): серьёзные нарушения; повышенная доля проверок',
  },
  'credit.fact.declaration_submitted': { 'zh-CN': '报关单申报', en: 'Declaration filed', ru: 'Подана декларация' },
  'credit.fact.declaration_released': { 'zh-CN': '报关单放行', en: 'Declaration released', ru: 'Декларация выпущена' },
  'credit.fact.declaration_rejected': { 'zh-CN': '报关单退单', en: 'Declaration rejected', ru: 'Декларация отклонена' },
  'credit.fact.declaration_amended': { 'zh-CN': '报关单修改', en: 'Declaration amended', ru: 'Декларация изменена' },
  'credit.fact.inspection_discrepancy': {
    'zh-CN': '查验发现不符',
    en: 'Inspection found a discrepancy',
    ru: 'Досмотр выявил расхождение',
  },
  'credit.fact.inspection_clean': {
    'zh-CN': '查验无异常',
    en: 'Inspection without findings',
    ru: 'Досмотр без замечаний',
  },
  'credit.fact.duty_paid_on_time': { 'zh-CN': '按时缴税', en: 'Duty paid on time', ru: 'Пошлина уплачена вовремя' },
  'credit.fact.duty_paid_late': { 'zh-CN': '逾期缴税', en: 'Duty paid late', ru: 'Пошлина уплачена с опозданием' },
  'credit.fact.stocktake_adjustment': {
    'zh-CN': '盘点调整（账实不符）',
    en: 'Stocktake adjustment (book ≠ stock)',
    ru: 'Корректировка по инвентаризации',
  },
  'credit.fact.consolidation_overdue': {
    'zh-CN': '集中申报逾期',
    en: 'Consolidated declaration overdue',
    ru: 'Сводная декларация просрочена',
  },
  'credit.fact.shipment_cancelled': { 'zh-CN': '取消订舱', en: 'Shipment cancelled', ru: 'Перевозка отменена' },
  'problem.repair_state': {
    'zh-CN': '该信用修复申请已处理',
    en: 'This credit repair request has already been decided',
    ru: 'Решение по этому запросу уже принято',
  },
  'problem.repair_state.detail': {
    'zh-CN': '当前状态：{status}。',
    en: 'Its status is {status}.',
    ru: 'Текущий статус: {status}.',
  },
  'validation.fact_not_repairable': {
    'zh-CN': '不是本企业尚在计分的失信记录',
    en: 'is not a counting breach of this enterprise',
    ru: 'не является учитываемым нарушением этого предприятия',
  },
});
