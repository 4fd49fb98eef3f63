import { defineMessages } from '../../platform/i18n/index.js';

/** Field problems of the cockpit, in the three languages side by side. */
export const cockpitMessages = defineMessages({
  'validation.period_reversed': {
    'zh-CN': '起始月份晚于结束月份',
    en: 'the first month is after the last month',
    ru: 'начальный месяц позже конечного',
  },
  'validation.cockpit_period_too_long': {
    'zh-CN': '期间最长 {max} 个月',
    en: 'a period spans at most {max} months',
    ru: 'период не может быть длиннее {max} месяцев',
  },
  'validation.unknown_department': {
    'zh-CN': '未知的责任单位：{code}',
    en: 'unknown department: {code}',
    ru: 'неизвестное ведомство: {code}',
  },
  'validation.evidence_required': {
    'zh-CN': '标记为完成时须提供佐证材料',
    en: 'evidence is required to mark it done',
    ru: 'для отметки о выполнении нужно подтверждение',
  },
  'validation.too_many_tasks': {
    'zh-CN': '每项措施最多 {max} 项任务',
    en: 'a measure has at most {max} tasks',
    ru: 'у меры может быть не более {max} задач',
  },
  'validation.source_required': {
    'zh-CN': '手工填报的指标值必须注明来源',
    en: 'a value entered by hand needs its source',
    ru: 'для введённого вручную значения нужен источник',
  },
  'validation.month_expected': {
    'zh-CN': '月份格式应为 YYYY-MM',
    en: 'must be a month as YYYY-MM',
    ru: 'месяц в формате ГГГГ-ММ',
  },
  'validation.date_expected': {
    'zh-CN': '日期格式应为 YYYY-MM-DD',
    en: 'must be a date as YYYY-MM-DD',
    ru: 'дата в формате ГГГГ-ММ-ДД',
  },
});
