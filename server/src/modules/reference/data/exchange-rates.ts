// Reference exchange rates for the demo: CNY per 1 unit of the foreign currency, as decimal
// strings with at most 6 decimals so money code never touches binary floats.
//
// shared/reference/exchange.md has no rate figures, so these are plausible early-2026 levels
// remembered from 2025 markets, not official fixings (PBoC / CFETS central parity rates are the
// official source a production system would load). Two caveats are worth knowing:
// - IRR has several rates (official, NIMA, open market); the value here is near the open-market
//   level, and at 6 decimals it keeps only one significant digit.
// - UZS and IRR are so small per unit that they lose precision at 6 decimals; a production
//   table should quote them per 1,000 or 10,000 units.

export interface DemoExchangeRate {
  /** ISO 4217 alphabetic code. */
  currency: string;
  /** CNY per 1 unit of `currency`, decimal string with at most 6 decimals. */
  cnyPerUnit: string;
  /** The day the rate applies to, YYYY-MM-DD. */
  validOn: string;
  source: string;
}

const VALID_ON = '2026-01-05';
const SOURCE = 'demo (memory), not an official rate';

export const DEMO_EXCHANGE_RATES: readonly DemoExchangeRate[] = [
  { currency: 'USD', cnyPerUnit: '7.050000', validOn: VALID_ON, source: SOURCE },
  { currency: 'EUR', cnyPerUnit: '8.210000', validOn: VALID_ON, source: SOURCE },
  { currency: 'GBP', cnyPerUnit: '9.420000', validOn: VALID_ON, source: SOURCE },
  { currency: 'HKD', cnyPerUnit: '0.906000', validOn: VALID_ON, source: SOURCE },
  { currency: 'JPY', cnyPerUnit: '0.045500', validOn: VALID_ON, source: SOURCE },
  { currency: 'KRW', cnyPerUnit: '0.004900', validOn: VALID_ON, source: SOURCE },
  { currency: 'AED', cnyPerUnit: '1.919700', validOn: VALID_ON, source: SOURCE },
  { currency: 'RUB', cnyPerUnit: '0.088500', validOn: VALID_ON, source: SOURCE },
  { currency: 'KZT', cnyPerUnit: '0.013600', validOn: VALID_ON, source: SOURCE },
  { currency: 'UZS', cnyPerUnit: '0.000585', validOn: VALID_ON, source: SOURCE },
  { currency: 'KGS', cnyPerUnit: '0.080600', validOn: VALID_ON, source: SOURCE },
  { currency: 'TJS', cnyPerUnit: '0.760000', validOn: VALID_ON, source: SOURCE },
  { currency: 'TMT', cnyPerUnit: '2.014300', validOn: VALID_ON, source: SOURCE },
  { currency: 'BYN', cnyPerUnit: '2.390000', validOn: VALID_ON, source: SOURCE },
  { currency: 'INR', cnyPerUnit: '0.078500', validOn: VALID_ON, source: SOURCE },
  { currency: 'PKR', cnyPerUnit: '0.025100', validOn: VALID_ON, source: SOURCE },
  { currency: 'IRR', cnyPerUnit: '0.000006', validOn: VALID_ON, source: SOURCE },
  { currency: 'MNT', cnyPerUnit: '0.001970', validOn: VALID_ON, source: SOURCE },
  { currency: 'AFN', cnyPerUnit: '0.105000', validOn: VALID_ON, source: SOURCE },
  { currency: 'AZN', cnyPerUnit: '4.147000', validOn: VALID_ON, source: SOURCE },
  { currency: 'GEL', cnyPerUnit: '2.610000', validOn: VALID_ON, source: SOURCE },
  { currency: 'TRY', cnyPerUnit: '0.164000', validOn: VALID_ON, source: SOURCE },
  { currency: 'PLN', cnyPerUnit: '1.940000', validOn: VALID_ON, source: SOURCE },
];
