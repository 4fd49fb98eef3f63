export {
  createDeterministicPdf,
  type DeterministicPdf,
  type DeterministicPdfOptions,
  drawQr,
  LATIN_1_TEXT,
  sha256Hex,
  toLatin1,
} from './deterministic.js';
