import { defineMessages } from '../../platform/i18n/index.js';

export const accountMessages = defineMessages({
  'problem.invalid_credentials': {
    'zh-CN': '邮箱或密码不正确',
    en: 'Wrong e-mail or password',
    ru: 'Неверный адрес электронной почты или пароль',
  },
  'problem.login_throttled': {
    'zh-CN': '登录失败次数过多',
    en: 'Too many failed sign-in attempts',
    ru: 'Слишком много неудачных попыток входа',
  },
  'problem.login_throttled.detail': {
    'zh-CN': '请在 {seconds} 秒后重试。',
    en: 'Try again in {seconds} seconds.',
    ru: 'Повторите через {seconds} с.',
  },
  'problem.email_taken': {
    'zh-CN': '该邮箱已被使用',
    en: 'This e-mail is already in use',
    ru: 'Этот адрес уже используется',
  },
  'problem.not_found.detail': {
    'zh-CN': '找不到该{entity}，或您无权查看。',
    en: 'No such {entity}, or you may not see it.',
    ru: 'Объект «{entity}» не найден или недоступен вам.',
  },
  'validation.owner_mismatch': {
    'zh-CN': '海关关员和园区管理员属于管理机构，其他角色属于企业',
    en: 'customs officers and zone admins belong to an authority; other roles to an enterprise',
    ru: 'таможенники и администраторы зоны относятся к органу власти, остальные роли — к предприятию',
  },
  'validation.own_enterprise_only': {
    'zh-CN': '企业管理员只能为本企业创建用户',
    en: 'an enterprise administrator creates users for its own enterprise only',
    ru: 'администратор предприятия создаёт пользователей только своего предприятия',
  },
  'validation.authority_not_allowed': {
    'zh-CN': '企业管理员不能创建管理机构的用户',
    en: 'an enterprise administrator cannot create users of an authority',
    ru: 'администратор предприятия не может создавать пользователей органа власти',
  },
  'validation.role_not_for_enterprise': {
    'zh-CN': '本企业的用户只能是以下角色：{roles}',
    en: "this enterprise's users can only have the roles: {roles}",
    ru: 'пользователи этого предприятия могут иметь только роли: {roles}',
  },
  'validation.enterprise_admin_needs_enterprise': {
    'zh-CN': '只有企业用户才能成为企业管理员',
    en: 'only a user of an enterprise can administer its users',
    ru: 'администрировать пользователей может только пользователь предприятия',
  },
  'validation.cannot_change_self': {
    'zh-CN': '不能停用自己或撤销自己的管理权限',
    en: 'you cannot deactivate yourself or drop your own administration right',
    ru: 'нельзя отключить себя или снять с себя права администратора',
  },
  'validation.unknown_reference': {
    'zh-CN': '引用的记录不存在',
    en: 'refers to a record that does not exist',
    ru: 'ссылается на несуществующую запись',
  },
});
