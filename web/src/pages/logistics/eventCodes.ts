import type { TFunction } from 'i18next';

/**
 * The tracking event codes the server accepts (DCSA Track & Trace shaped), in the order a box meets
 * them on a trip: gate-in, loaded, departed, border crossed, held/inspected/released, arrived,
 * discharged, gate-out.
 */
export const TRACKING_EVENT_CODES = [
  'GTIN',
  'LOAD',
  'DEPA',
  'CRSS',
  'HOLD',
  'INSP',
  'RELS',
  'ARRI',
  'DISC',
  'GTOT',
] as const;
export type TrackingEventCode = (typeof TRACKING_EVENT_CODES)[number];

export const TRACKING_CLASSIFIERS = ['ACT', 'EST', 'PLN'] as const;
export type TrackingClassifier = (typeof TRACKING_CLASSIFIERS)[number];

function isEventCode(code: string): code is TrackingEventCode {
  return (TRACKING_EVENT_CODES as readonly string[]).includes(code);
}

function isClassifier(value: string): value is TrackingClassifier {
  return (TRACKING_CLASSIFIERS as readonly string[]).includes(value);
}

/** "DEPA" → "Departed" / "已发车" / "Отправлен"; a code the client does not know is shown as it is. */
export function trackingEventLabel(t: TFunction, code: string): string {
  return isEventCode(code) ? t(`logistics.eventCodes.${code}`) : code;
}

/** "ACT" → "Actual" / "实际" / "Факт" (and EST estimated, PLN planned). */
export function trackingClassifierLabel(t: TFunction, classifier: string): string {
  return isClassifier(classifier) ? t(`logistics.eventClassifiers.${classifier}`) : classifier;
}

/** Ant Design tag colour of an event: movement blue, border and customs purple, holds red, releases green. */
export function trackingEventColor(code: string): string {
  switch (code) {
    case 'DEPA':
    case 'ARRI':
      return 'blue';
    case 'GTIN':
    case 'GTOT':
    case 'LOAD':
    case 'DISC':
      return 'cyan';
    case 'CRSS':
    case 'INSP':
      return 'purple';
    case 'HOLD':
      return 'red';
    case 'RELS':
      return 'green';
    default:
      return 'default';
  }
}
