import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Empty, Tag, Timeline, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location, ShipmentEvent } from '../../api/types';
import { useLanguage } from '../../i18n/useLanguage';
import { locationName } from '../../lib/locations';
import { trackingClassifierLabel, trackingEventLabel } from './eventCodes';
import { formatInstant } from './model';
import { eventTypeName } from './ShipmentTags';

/** Colour and icon of a timeline dot: holds in red, releases and actual events in green, forecasts grey. */
function dot(event: ShipmentEvent): { color: string; icon?: ReactNode } {
  if (event.code === 'HOLD') return { color: 'red', icon: <ExclamationCircleOutlined /> };
  if (event.code === 'RELS') return { color: 'green', icon: <SafetyCertificateOutlined /> };
  if (event.classifier !== 'ACT') return { color: 'gray', icon: <ClockCircleOutlined /> };
  return { color: 'green', icon: <CheckCircleOutlined /> };
}

/** A shipment's tracking events, oldest first, each with its code in words, the place and the time. */
export function ShipmentTimeline({
  events,
  locations,
}: {
  events: readonly ShipmentEvent[];
  locations: ReadonlyMap<string, Location>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (events.length === 0) {
    return (
      <div data-testid="shipment-timeline">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipment.timelineEmpty')} />
      </div>
    );
  }
  return (
    <Timeline
      className="shipment-timeline"
      data-testid="shipment-timeline"
      items={events.map((event) => {
        const { color, icon } = dot(event);
        return {
          key: event.eventId,
          color,
          icon,
          content: (
            <div className="timeline-event" data-testid={`timeline-event-${event.code}`} data-event-id={event.eventId}>
              <div className="event-title">
                <span>
                  <span className="strong-cell">{trackingEventLabel(t, event.code)}</span>
                  <span className="muted timeline-place">
                    {' · '}
                    {locationName(locations, event.locode, language)} <span className="mono">{event.locode}</span>
                  </span>
                </span>
                <Tooltip title={t('shipment.receivedAt', { time: formatInstant(event.receivedAt, language) })}>
                  <span className="event-time">{formatInstant(event.eventAt, language)}</span>
                </Tooltip>
              </div>
              <div className="event-sub timeline-tags">
                <Tag className="tag-small">{eventTypeName(t, event.eventType)}</Tag>
                <Tag className="tag-small" color={event.classifier === 'ACT' ? 'blue' : 'default'}>
                  {trackingClassifierLabel(t, event.classifier)}
                </Tag>
                <span className="mono muted">{event.code}</span>
                {event.serviceCode ? <span className="mono">{event.serviceCode}</span> : null}
                {event.containerNumber ? (
                  <span>{t('shipment.container', { number: event.containerNumber })}</span>
                ) : null}
              </div>
              {event.remark ? <div className="event-sub">{event.remark}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
