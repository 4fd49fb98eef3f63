import { defineMessages } from './index.js';

/** Messages of the platform itself: problem titles and validation texts shared by every module. */
export const platformMessages = defineMessages({
  'problem.validation_failed': {
    'zh-CN': '请求数据有误',
    en: 'The request is not valid',
    ru: 'Запрос содержит ошибки',
  },
  'problem.validation_failed.detail': {
    'zh-CN': '有 {count} 个字段需要修改。',
    en: '{count} field(s) need to be corrected.',
    ru: 'Нужно исправить полей: {count}.',
  },
  'problem.malformed_json': {
    'zh-CN': '请求正文不是有效的 JSON',
    en: 'The request body is not valid JSON',
    ru: 'Тело запроса не является корректным JSON',
  },
  'problem.unsupported_media_type': {
    'zh-CN': '不支持的内容类型',
    en: 'Unsupported content type',
    ru: 'Неподдерживаемый тип содержимого',
  },
  'problem.payload_too_large': {
    'zh-CN': '请求正文过大',
    en: 'The request body is too large',
    ru: 'Тело запроса слишком велико',
  },
  'problem.payload_too_large.detail': {
    'zh-CN': '请求正文不得超过 {limit} 字节。',
    en: 'The request body must not exceed {limit} bytes.',
    ru: 'Тело запроса не должно превышать {limit} байт.',
  },
  'problem.not_found': {
    'zh-CN': '未找到',
    en: 'Not found',
    ru: 'Не найдено',
  },
  'problem.route_not_found': {
    'zh-CN': '接口不存在',
    en: 'No such endpoint',
    ru: 'Такого метода API нет',
  },
  'problem.unauthenticated': {
    'zh-CN': '请先登录',
    en: 'Sign-in required',
    ru: 'Требуется вход в систему',
  },
  'problem.forbidden': {
    'zh-CN': '无权执行此操作',
    en: 'You are not allowed to do this',
    ru: 'Недостаточно прав для этого действия',
  },
  'problem.forbidden.detail': {
    'zh-CN': '此操作需要以下角色之一：{roles}。',
    en: 'This requires one of the roles: {roles}.',
    ru: 'Требуется одна из ролей: {roles}.',
  },
  'problem.rate_limited': {
    'zh-CN': '请求过于频繁',
    en: 'Too many requests',
    ru: 'Слишком много запросов',
  },
  'problem.rate_limited.detail': {
    'zh-CN': '请在 {seconds} 秒后重试。',
    en: 'Try again in {seconds} seconds.',
    ru: 'Повторите через {seconds} с.',
  },
  'problem.idempotency_key_reused': {
    'zh-CN': '幂等键已用于另一个请求',
    en: 'The idempotency key was used for a different request',
    ru: 'Ключ идемпотентности уже использован для другого запроса',
  },
  'problem.idempotency_key_in_flight': {
    'zh-CN': '使用此幂等键的请求仍在处理中',
    en: 'A request with this idempotency key is still being processed',
    ru: 'Запрос с этим ключом идемпотентности ещё обрабатывается',
  },
  'problem.database_unavailable': {
    'zh-CN': '数据库暂时不可用，请稍后重试',
    en: 'The database is temporarily unavailable; try again shortly',
    ru: 'База данных временно недоступна, повторите позже',
  },
  'problem.conflict': {
    'zh-CN': '与现有数据冲突',
    en: 'Conflicts with existing data',
    ru: 'Конфликт с существующими данными',
  },
  'problem.internal': {
    'zh-CN': '服务器内部错误',
    en: 'Internal server error',
    ru: 'Внутренняя ошибка сервера',
  },
  'problem.csrf': {
    'zh-CN': '修改数据的请求必须使用 JSON',
    en: 'Requests that change data must be sent as JSON',
    ru: 'Запросы на изменение данных должны отправляться в формате JSON',
  },
  // Validation issues, one per kind of problem a field can have.
  'validation.required': { 'zh-CN': '必填', en: 'is required', ru: 'обязательное поле' },
  'validation.invalid_type': {
    'zh-CN': '类型错误，应为 {expected}',
    en: 'must be of type {expected}',
    ru: 'должно иметь тип {expected}',
  },
  'validation.unknown_field': {
    'zh-CN': '不允许的字段',
    en: 'is not an allowed field',
    ru: 'недопустимое поле',
  },
  'validation.too_small': {
    'zh-CN': '过短或过小（最小 {minimum}）',
    en: 'is too short or too small (minimum {minimum})',
    ru: 'слишком короткое или маленькое (минимум {minimum})',
  },
  'validation.too_big': {
    'zh-CN': '过长或过大（最大 {maximum}）',
    en: 'is too long or too large (maximum {maximum})',
    ru: 'слишком длинное или большое (максимум {maximum})',
  },
  'validation.invalid_format': {
    'zh-CN': '格式不正确（{format}）',
    en: 'has an invalid format ({format})',
    ru: 'имеет неверный формат ({format})',
  },
  'validation.invalid_value': {
    'zh-CN': '取值无效，可选：{options}',
    en: 'has an invalid value; allowed: {options}',
    ru: 'недопустимое значение; допустимо: {options}',
  },
  'validation.invalid': { 'zh-CN': '无效', en: 'is invalid', ru: 'недопустимо' },
  'validation.check_digit': {
    'zh-CN': '校验位不正确',
    en: 'has a wrong check character',
    ru: 'неверный контрольный символ',
  },
});
