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
  'validation.latin_script_required': {
    'zh-CN': '请只使用拉丁字母（提单以英文打印）',
    en: 'must be in Latin script (the bill of lading is printed in English)',
    ru: 'только латиницей (коносамент печатается на английском)',
  },
  'validation.unknown_departure': {
    'zh-CN': '不是该路线上可预订的班次',
    en: 'is not a bookable departure between these places',
    ru: 'не является доступным для бронирования рейсом между этими пунктами',
  },
  'validation.departed': {
    'zh-CN': '该班次已发车',
    en: 'has already departed',
    ru: 'уже отправился',
  },
  'validation.leg_full': {
    'zh-CN': '{service} {from}→{to} 舱位不足：剩余 {remaining}，需要 {units}',
    en: '{service} {from}→{to} is full: {remaining} left, {units} needed',
    ru: '{service} {from}→{to}: мест нет — осталось {remaining}, нужно {units}',
  },
  'validation.not_search_origin': {
    'zh-CN': '第一程必须从查询的起运地出发',
    en: 'the first leg must start at the search origin',
    ru: 'первое плечо должно начинаться в пункте отправления поиска',
  },
  'validation.not_search_destination': {
    'zh-CN': '最后一程必须到达查询的目的地',
    en: 'the last leg must end at the search destination',
    ru: 'последнее плечо должно заканчиваться в пункте назначения поиска',
  },
  'validation.duplicate': {
    'zh-CN': '重复',
    en: 'is a duplicate',
    ru: 'повторяется',
  },
  'validation.containers_do_not_match_cargo': {
    'zh-CN': '箱号的数量和箱型必须与订舱货物一致',
    en: 'containers must match the booked boxes in number and size-type',
    ru: 'контейнеры должны совпадать с забронированными по числу и типоразмеру',
  },
  'validation.container_on_open_shipment': {
    'zh-CN': '该集装箱已在另一票未完结的运单上',
    en: 'is already on another open shipment',
    ru: 'уже числится в другой незавершённой отправке',
  },
  'validation.enterprise_required': {
    'zh-CN': '只有企业用户才能订舱',
    en: 'only users of an enterprise can book',
    ru: 'бронировать могут только пользователи предприятия',
  },
  'validation.cargo_changed': {
    'zh-CN': '改航线时不能改变货物数量',
    en: 'the cargo cannot change when re-routing',
    ru: 'при изменении маршрута груз менять нельзя',
  },
  'validation.unknown_container': {
    'zh-CN': '没有您可查看的在途运单装有此集装箱',
    en: 'no open shipment you can see carries this container',
    ru: 'нет доступной вам незавершённой отправки с этим контейнером',
  },
  'validation.unknown_bill_of_lading': {
    'zh-CN': '没有您可查看的此提单',
    en: 'no bill of lading you can see has this number',
    ru: 'нет доступного вам коносамента с этим номером',
  },
  'validation.no_shipment_on_service': {
    'zh-CN': '该班次在此地此时没有您可查看的运单',
    en: 'no shipment you can see rides this service at this place and time',
    ru: 'нет доступных вам отправок на этом рейсе в этом месте и в это время',
  },
  'validation.reference_required': {
    'zh-CN': '请提供箱号、提单号或班次代码',
    en: 'give a container number, a bill of lading number or a service code',
    ru: 'укажите номер контейнера, коносамента или код рейса',
  },
  'validation.event_id_reused': {
    'zh-CN': '该事件编号已用于内容不同的事件',
    en: 'this event id was already used for a different event',
    ru: 'этот идентификатор уже использован для другого события',
  },
  'validation.actual_in_future': {
    'zh-CN': '实际事件的时间不能在未来',
    en: 'an actual event cannot be in the future',
    ru: 'фактическое событие не может быть в будущем',
  },
  'validation.not_after_previous_call': {
    'zh-CN': '时间必须晚于上一个挂靠',
    en: 'must come after the previous call',
    ru: 'должно быть позже предыдущего захода',
  },
  'problem.capacity_exhausted': {
    'zh-CN': '舱位不足，未订舱',
    en: 'Not booked: a leg has filled up',
    ru: 'Не забронировано: на плече закончились места',
  },
  'problem.capacity_exhausted.detail': {
    'zh-CN': '以下 {count} 程舱位已满，请重新查询。',
    en: '{count} leg(s) filled up since the search; plan again.',
    ru: 'Мест нет на плечах: {count}. Повторите поиск.',
  },
  'problem.itinerary_unavailable': {
    'zh-CN': '该方案已不可订，请重新查询',
    en: 'This itinerary is no longer offered; plan again',
    ru: 'Этот вариант больше не предлагается; повторите поиск',
  },
  'problem.shipment_not_cancellable': {
    'zh-CN': '运单状态为 {status}，不能取消',
    en: 'A shipment that is {status} cannot be cancelled',
    ru: 'Отправку в статусе {status} нельзя отменить',
  },
  'problem.stale_version': {
    'zh-CN': '运单已被他人修改（当前版本 {current}），请刷新后重试',
    en: 'The shipment changed meanwhile (now version {current}); reload and retry',
    ru: 'Отправка изменилась (версия {current}); обновите и повторите',
  },
  'problem.shipment_closed': {
    'zh-CN': '运单已{status}，不能修改',
    en: 'The shipment is {status} and can no longer change',
    ru: 'Отправка в статусе {status} и больше не меняется',
  },
  'problem.shipment_departed': {
    'zh-CN': '货物已发运，不能再改航线或箱号',
    en: 'The cargo has left: route and containers can no longer change',
    ru: 'Груз отправлен: маршрут и контейнеры менять нельзя',
  },
  'problem.capacity_below_sold': {
    'zh-CN': '有 {count} 个班次已售舱位超过新运力（最早 {first}）',
    en: '{count} departure(s) have sold more than the new capacity (first on {first})',
    ru: 'На {count} рейсах продано больше новой вместимости (первый {first})',
  },
});
