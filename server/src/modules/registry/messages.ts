import { defineMessages } from '../../platform/i18n/index.js';

/** Problems and field messages of the registry (onboarding), in the three languages side by side. */
export const registryMessages = defineMessages({
  'problem.uscc_taken': {
    'zh-CN': '该统一社会信用代码已登记或已有待审批的申请',
    en: 'This unified social credit code is already registered or has a pending application',
    ru: 'Этот единый код социального кредита уже зарегистрирован или по нему есть заявка',
  },
  'validation.uscc_taken': {
    'zh-CN': '已登记或已有待审批的申请',
    en: 'is already registered or has a pending application',
    ru: 'уже зарегистрирован или по нему есть заявка на рассмотрении',
  },
  'validation.invalid_uscc': {
    'zh-CN': '不是有效的 18 位统一社会信用代码（{problem}）',
    en: 'is not a well-formed 18-character unified social credit code ({problem})',
    ru: 'не является корректным 18-значным единым кодом социального кредита ({problem})',
  },
  'validation.aeo_requires_certified': {
    'zh-CN': 'AEO 互认仅适用于高级认证企业或认证企业',
    en: 'AEO mutual recognition needs the advanced certified or certified tier',
    ru: 'взаимное признание УЭО возможно только для сертифицированных предприятий',
  },
  'problem.uscc_warning_unconfirmed': {
    'zh-CN': '统一社会信用代码 {uscc} 校验位不正确，批准前须确认',
    en: 'The check character of USCC {uscc} is wrong; confirm it before approving',
    ru: 'Контрольный символ кода {uscc} неверен; подтвердите перед одобрением',
  },
  'validation.uscc_warning_unconfirmed': {
    'zh-CN': '须确认校验位不正确的代码 {uscc} 属实（部分早期代码无法通过校验）',
    en: 'must confirm that {uscc} is genuine despite its check character (some early codes fail it)',
    ru: 'подтвердите подлинность кода {uscc} несмотря на контрольный символ (часть ранних кодов его не проходит)',
  },
  'problem.application_state': {
    'zh-CN': '该入驻申请已处理',
    en: 'This application has already been decided',
    ru: 'Решение по этой заявке уже принято',
  },
  'problem.application_state.detail': {
    'zh-CN': '当前状态：{status}。',
    en: 'Its status is {status}.',
    ru: 'Текущий статус: {status}.',
  },
});
