/**
 * Orders decimal strings exactly, without turning money into floats: compare the integer parts by
 * length then digits, then the fraction digits. Rates are non-negative, as yuan per unit always is.
 */
export function compareDecimalStrings(a: string, b: string): number {
  const [aInt = '0', aFrac = ''] = a.split('.');
  const [bInt = '0', bFrac = ''] = b.split('.');
  const aWhole = aInt.replace(/^0+(?=\d)/, '');
  const bWhole = bInt.replace(/^0+(?=\d)/, '');
  if (aWhole.length !== bWhole.length) return aWhole.length - bWhole.length;
  if (aWhole !== bWhole) return aWhole < bWhole ? -1 : 1;
  const width = Math.max(aFrac.length, bFrac.length);
  const aPadded = aFrac.padEnd(width, '0');
  const bPadded = bFrac.padEnd(width, '0');
  return aPadded === bPadded ? 0 : aPadded < bPadded ? -1 : 1;
}

/** Digit grouping and decimal mark of a UI language, read once from Intl (no number is formatted). */
function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Formats an exact decimal string such as '203600.00' for people ('203,600.00' in English,
 * '203 600,00' in Russian) by string manipulation only, so money never passes through a float.
 */
export function formatDecimalString(amount: string, locale: string): string {
  const trimmed = amount.trim();
  const negative = trimmed.startsWith('-');
  const unsigned = negative || trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  const [integerPart = '0', fraction] = unsigned.split('.');
  const digits = integerPart.replace(/^0+(?=\d)/, '') || '0';
  const { group, decimal } = separators(locale);
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const chunk = digits.slice(Math.max(0, end - 3), end);
    grouped = grouped ? `${chunk}${group}${grouped}` : chunk;
  }
  const sign = negative ? '-' : '';
  return fraction === undefined || fraction === '' ? `${sign}${grouped}` : `${sign}${grouped}${decimal}${fraction}`;
}

/** Index of the smallest decimal string (first one on ties), or -1 for an empty list. */
export function indexOfMinDecimal(values: readonly string[]): number {
  let best = -1;
  values.forEach((value, index) => {
    const current = values[best];
    if (current === undefined || compareDecimalStrings(value, current) < 0) best = index;
  });
  return best;
}
