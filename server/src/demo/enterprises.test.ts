import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, validateUscc } from '../lib/identifiers/index.js';
import { DEMO_ENTERPRISES, DEMO_REGISTRY_PROFILES, demoRegistryFields } from './enterprises.js';

describe('demo enterprises', () => {
  // The demo logins depend on these keys, so they must all be present.
  it('contains the enterprises the demo users belong to', () => {
    const keys = DEMO_ENTERPRISES.map((enterprise) => enterprise.key);
    for (const key of [
      'jiaozhou-trading',
      'silkroad-logistics',
      'qingdao-rural-bank',
      'haier-like-appliances',
      'sco-cbec-platform',
      'jiaozhou-bonded-warehouse',
      'shandong-ev-exports',
      'qilu-solar',
    ]) {
      expect(keys).toContain(key);
    }
    expect(DEMO_ENTERPRISES.length).toBeGreaterThanOrEqual(8);
  });

  // Every literal USCC passes the GB 32100 check, is an enterprise (91) registered in Qingdao
  // (3702xx), and carries a subject identifier whose GB 11714 inner check is right too.
  it('has valid unified social credit codes', () => {
    for (const enterprise of DEMO_ENTERPRISES) {
      expect(validateUscc(enterprise.uscc), enterprise.key).toEqual({ ok: true });
      expect(enterprise.uscc.slice(0, 6)).toBe('913702');
      expect(enterprise.uscc.charAt(16)).toBe(orgCodeCheckChar(enterprise.uscc.slice(8, 16)));
    }
  });

  // Keys, USCCs and customs codes identify an enterprise, so none may repeat.
  it('has unique keys, USCCs and customs codes', () => {
    for (const field of ['key', 'uscc', 'customsCode'] as const) {
      const values = DEMO_ENTERPRISES.map((enterprise) => enterprise[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  // The demo roles need a trader, a forwarder-carrier, a bank, a CBEC platform and a warehouse.
  it('gives the demo tenants the right kinds', () => {
    const byKey = new Map(DEMO_ENTERPRISES.map((enterprise) => [enterprise.key, enterprise]));
    expect(byKey.get('jiaozhou-trading')?.kinds).toContain('trader');
    expect(byKey.get('silkroad-logistics')?.kinds).toEqual(expect.arrayContaining(['forwarder', 'carrier']));
    expect(byKey.get('qingdao-rural-bank')?.kinds).toContain('bank');
    expect(byKey.get('sco-cbec-platform')?.kinds).toContain('cbec_platform');
    expect(byKey.get('jiaozhou-bonded-warehouse')?.kinds).toContain('warehouse');
  });

  // Customs codes are 10 characters starting with Qingdao's region 3702; names exist in all three languages.
  it('has well-formed customs codes and trilingual names', () => {
    for (const enterprise of DEMO_ENTERPRISES) {
      expect(enterprise.customsCode).toMatch(/^3702[0-9A-Z]{6}$/);
      expect(enterprise.countryCode).toBe('CN');
      expect(enterprise.names.zh.trim()).not.toBe('');
      expect(enterprise.names.en.trim()).not.toBe('');
      expect(enterprise.names.ru.trim()).not.toBe('');
    }
  });

  // Registry profiles: only known keys, AEO recognition only for the two certified tiers, 10-digit products,
  // ISO country codes; enterprises without a profile get the regular tier and nothing else.
  it('has consistent registry profiles', () => {
    const keys = new Set(DEMO_ENTERPRISES.map((enterprise) => enterprise.key));
    for (const [key, profile] of Object.entries(DEMO_REGISTRY_PROFILES)) {
      expect(keys.has(key), key).toBe(true);
      if (profile.aeoMraCountries.length > 0) {
        expect(['advanced_certified', 'certified'], key).toContain(profile.customsCreditTier);
      }
      for (const code of profile.profile.products) expect(code, key).toMatch(/^\d{10}$/);
      for (const code of [...profile.profile.markets, ...profile.aeoMraCountries])
        expect(code, key).toMatch(/^[A-Z]{2}$/);
    }
    expect(demoRegistryFields({ key: 'jiaozhou-trading' }).customsCreditTier).toBe('certified');
    expect(demoRegistryFields({ key: 'qingdao-rural-bank' })).toMatchObject({
      customsCreditTier: 'regular',
      bondedSites: [],
    });
  });
});
