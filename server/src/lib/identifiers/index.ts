export { BL_PREFIX, BL_SERIAL_MAX, blCheckChar, makeBlNumber, validateBlNumber } from './bl.js';
export { normalizeHsCode, validateHsCode } from './hs.js';
export {
  CONTAINER_CATEGORIES,
  iso6346CheckDigit,
  iso6346LetterValue,
  validateContainerNumber,
} from './iso6346.js';
export { isUnLocode, normalizeUnLocode } from './locode.js';
export { maskResidentId, residentIdCheckChar, validateResidentId } from './resident-id.js';
export type { IdentifierProblem, Validation } from './uscc.js';
export { makeUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.js';
export { validateVin, vinCheckDigit, vinCheckDigitRequired } from './vin.js';
