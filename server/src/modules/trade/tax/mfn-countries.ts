// Origins entitled to China's MFN column (最惠国税率). Goods from anywhere else pay the general column.
//
// customs.md only says the general column is "for non-MFN origins". The rule as remembered from China's
// Customs Tariff Law: MFN applies to goods originating in WTO members that apply MFN treatment with China
// and in countries with a bilateral trade agreement containing an MFN clause. The set below is the WTO
// membership as of 2024 (ISO 3166-1 alpha-2; the EU itself is not a country, its member states are listed)
// plus the SCO-area non-members known to have such a bilateral clause: Azerbaijan, Belarus, Iran,
// Turkmenistan and Uzbekistan (memory — verify). China's separate customs territories (Hong Kong, Macao)
// trade under their own arrangements and are not in scope. The set is an input of the engine so that
// callers and tests can supply another list.
// biome-ignore format: a table of codes reads better in rows
export const MFN_COUNTRIES_DEFAULT: ReadonlySet<string> = new Set([
  // WTO members.
  'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BN',
  'BO', 'BR', 'BW', 'BZ', 'CA', 'CD', 'CF', 'CG', 'CH', 'CI', 'CL', 'CM', 'CO', 'CR', 'CU', 'CV', 'CY', 'CZ',
  'DE', 'DJ', 'DK', 'DM', 'DO', 'EC', 'EE', 'EG', 'ES', 'FI', 'FJ', 'FR', 'GA', 'GB', 'GD', 'GE', 'GH', 'GM',
  'GN', 'GR', 'GT', 'GW', 'GY', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IN', 'IS', 'IT', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KM', 'KN', 'KR', 'KW', 'KZ', 'LA', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'MA',
  'MD', 'ME', 'MG', 'MK', 'ML', 'MM', 'MN', 'MR', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NE', 'NG',
  'NI', 'NL', 'NO', 'NP', 'NZ', 'OM', 'PA', 'PE', 'PG', 'PH', 'PK', 'PL', 'PT', 'PY', 'QA', 'RO', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SE', 'SG', 'SI', 'SK', 'SL', 'SN', 'SR', 'SV', 'SZ', 'TD', 'TG', 'TH', 'TJ', 'TL', 'TN',
  'TO', 'TR', 'TT', 'TZ', 'UA', 'UG', 'US', 'UY', 'VC', 'VE', 'VN', 'VU', 'WS', 'YE', 'ZA', 'ZM', 'ZW',
  // Bilateral agreements with an MFN clause (SCO members, observers and partners outside the WTO).
  'AZ', 'BY', 'IR', 'TM', 'UZ',
]);
