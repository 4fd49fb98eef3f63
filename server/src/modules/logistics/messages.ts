import { defineMessages } from '../../platform/i18n/index.js';

export const logisticsMessages = defineMessages({
  'validation.unknown_location': {
    'zh-CN': '未知的 UN/LOCODE 地点',
    en: 'is not a known UN/LOCODE location',
    ru: 'неизвестный пункт UN/LOCODE',
  },
  'validation.same_as_origin': {
    'zh-CN': '目的地不能与起运地相同',
    en: 'must differ from the origin',
    ru: 'должен отличаться от пункта отправления',
  },
  'validation.in_the_past': {
    'zh-CN': '不能早于当前时间',
    en: 'must not be in the past',
    ru: 'не может быть в прошлом',
  },
  'validation.one_of_containers_or_weight': {
    'zh-CN': '请填写集装箱或重量（二选一）',
    en: 'give either containers or a weight, not both',
    ru: 'укажите либо контейнеры, либо вес',
  },
  'logistics.reason.origin_is_destination': {
    'zh-CN': '起运地与目的地相同',
    en: 'Origin and destination are the same',
    ru: 'Пункты отправления и назначения совпадают',
  },
  'logistics.reason.no_connection': {
    'zh-CN': '在所选日期之后没有连接这两地的班次',
    en: 'No services connect these places after the chosen time',
    ru: 'После выбранного времени нет рейсов между этими пунктами',
  },
  'logistics.reason.no_service_accepts_dangerous_goods': {
    'zh-CN': '该通道上没有接受此类危险品的班次',
    en: 'No service on this corridor accepts this dangerous-goods class',
    ru: 'Ни один рейс на этом направлении не принимает этот класс опасных грузов',
  },
  'logistics.reason.no_service_accepts_reefer': {
    'zh-CN': '该通道上没有接受冷藏箱的班次',
    en: 'No service on this corridor accepts reefer containers',
    ru: 'Ни один рейс на этом направлении не принимает рефконтейнеры',
  },
  'logistics.reason.no_capacity': {
    'zh-CN': '相关班次舱位已满',
    en: 'The services on this corridor are full',
    ru: 'На рейсах этого направления нет свободных мест',
  },
  'logistics.reason.too_many_transfers': {
    'zh-CN': '需要的中转次数超过上限',
    en: 'It would take more transfers than the planner allows',
    ru: 'Потребуется больше пересадок, чем допускает планировщик',
  },
  'logistics.reason.no_service_accepts_cargo': {
    'zh-CN': '没有班次能承运该货物',
    en: 'No service can carry this cargo',
    ru: 'Ни один рейс не может перевезти этот груз',
  },
});
