/**
 * Request bodies several suites send as they are. One copy, so a change to the declaration schema is
 * made once.
 */

/** A valid import declaration: two petrol cars from Germany by rail, with the automatic import licence. */
export const CAR_IMPORT = {
  direction: 'import',
  supervisionMode: '0110',
  transportMode: '3',
  termsOfSale: 'CIF',
  loadingPort: 'DEDUI',
  dischargePort: 'CNJZH',
  foreignParty: { name: 'Rhein-Ruhr Handels GmbH', country: 'DE' },
  tradeCountry: 'DE',
  currency: 'EUR',
  items: [
    {
      code: '8703234110',
      description: 'Passenger car 2.0 L petrol',
      quantities: [
        { amount: '2', unit: '003' },
        { amount: '3000', unit: '035' },
      ],
      priceAmount: '60000',
      originCountry: 'DE',
      licences: [{ code: '7', number: 'AIL-2026-000123' }],
    },
  ],
};
