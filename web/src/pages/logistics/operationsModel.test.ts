import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { en } from '../../i18n/en';
import { TRACKING_CLASSIFIERS, TRACKING_EVENT_CODES, trackingClassifierLabel, trackingEventLabel } from './eventCodes';
import {
  capacityUnitFor,
  EMISSION_CLASSES_BY_MODE,
  mayManage,
  mayPublish,
  offsetMinutes,
  splitOffset,
  utilisationColor,
  utilisationLevel,
  utilisationPercent,
} from './operationsModel';

function me(role: Me['user']['role'], enterpriseId: string | null, authorityId: string | null = null): Me {
  return {
    user: {
      id: 'u',
      email: 'x@demo',
      displayName: 'X',
      role,
      locale: 'en',
      enterpriseId,
      authorityId,
      active: true,
    },
    via: 'session',
    enterprise: null,
    authority: null,
  };
}

describe('utilisation levels', () => {
  it('is green below 70 %, orange below 95 %, red from 95 %', () => {
    expect(utilisationLevel(0)).toBe('normal');
    expect(utilisationLevel(0.699)).toBe('normal');
    expect(utilisationLevel(0.7)).toBe('busy');
    expect(utilisationLevel(0.949)).toBe('busy');
    expect(utilisationLevel(0.95)).toBe('full');
    expect(utilisationLevel(1)).toBe('full');
    expect(utilisationColor(0.2)).not.toBe(utilisationColor(0.8));
    expect(utilisationColor(0.8)).not.toBe(utilisationColor(0.99));
  });

  it('shows whole percent, and anything sold as at least 1 %', () => {
    expect(utilisationPercent(0)).toBe(0);
    expect(utilisationPercent(0.001)).toBe(1);
    expect(utilisationPercent(0.125)).toBe(13);
    expect(utilisationPercent(1)).toBe(100);
  });
});

describe('timetable offsets', () => {
  it('turns days and hours into minutes and back', () => {
    expect(offsetMinutes(null, null)).toBeNull();
    expect(offsetMinutes(undefined, undefined)).toBeNull();
    expect(offsetMinutes(0, 0)).toBe(0);
    expect(offsetMinutes(1, 6)).toBe(1800);
    expect(offsetMinutes(null, 2.5)).toBe(150);
    expect(offsetMinutes(6, null)).toBe(8640);
    expect(splitOffset(1800)).toEqual({ days: 1, hours: 6 });
    expect(splitOffset(150)).toEqual({ days: 0, hours: 2.5 });
  });

  it('sells air by the kilogram and everything else by the TEU, with a fitting emission class', () => {
    expect(capacityUnitFor('air')).toBe('KG');
    expect(capacityUnitFor('rail')).toBe('TEU');
    expect(EMISSION_CLASSES_BY_MODE.rail[0]).toBe('rail_electric');
    expect(EMISSION_CLASSES_BY_MODE.road).toEqual(['road']);
  });
});

describe('who may operate a service', () => {
  const service = { operatorEnterpriseId: 'e1' };
  it('lets the operator manage its own services and the zone administration any', () => {
    expect(mayManage(me('forwarder', 'e1'), service)).toBe(true);
    expect(mayManage(me('forwarder', 'e2'), service)).toBe(false);
    expect(mayManage(me('zone_admin', null, 'a1'), service)).toBe(true);
    expect(mayManage(me('customs_officer', null, 'a1'), service)).toBe(false);
    expect(mayManage(me('trader', 'e1'), service)).toBe(false);
  });

  it('lets only forwarders publish', () => {
    expect(mayPublish(me('forwarder', 'e1'))).toBe(true);
    expect(mayPublish(me('zone_admin', null, 'a1'))).toBe(false);
    expect(mayPublish(me('trader', 'e1'))).toBe(false);
  });
});

describe('tracking event labels', () => {
  // A stand-in for i18next's t over the English messages.
  const t = ((key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)) as TFunction;

  it('has an English label for every code and classifier, and shows unknown codes as they are', () => {
    for (const code of TRACKING_EVENT_CODES) expect(trackingEventLabel(t, code)).not.toBe(code);
    for (const classifier of TRACKING_CLASSIFIERS) expect(trackingClassifierLabel(t, classifier)).not.toBe(classifier);
    expect(trackingEventLabel(t, 'DEPA')).toBe('Departed');
    expect(trackingEventLabel(t, 'CRSS')).toBe('Border crossed');
    expect(trackingClassifierLabel(t, 'EST')).toBe('Estimated');
    expect(trackingEventLabel(t, 'XXXX')).toBe('XXXX');
  });
});
