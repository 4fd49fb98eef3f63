// The "new three" (新三样) export fast lane: electric vehicles, lithium-ion batteries and photovoltaic products
// (customs.md §7). Recognises the goods from their commodity code and lists the dangerous-goods documents an
// export needs before it can be released. Pure; no I/O.

export const NEW_THREE_CATEGORIES = ['ev', 'li_ion_battery', 'pv'] as const;
export type NewThreeCategory = (typeof NEW_THREE_CATEGORIES)[number];

export const FAST_LANE_TRANSPORT_MODES = ['sea', 'rail', 'road', 'air'] as const;
export type FastLaneTransportMode = (typeof FAST_LANE_TRANSPORT_MODES)[number];

/**
 * Dangerous-goods documents of customs.md §7: the UN38.3 test summary, the (M)SDS, the DG packaging certificate
 * (危包证, formally 出境危险货物运输包装使用鉴定结果单), the transport-condition appraisal report (运输条件鉴定书) and the
 * sea DG declaration to the Maritime Safety Administration (海事局). Lists of documents come in this order.
 */
export const DG_DOCUMENT_KINDS = [
  'un38_3_summary',
  'sds',
  'dg_packaging_certificate',
  'transport_condition_report',
  'msa_dg_declaration',
] as const;
export type DgDocumentKind = (typeof DG_DOCUMENT_KINDS)[number];

/** HS 2022 subheadings of customs.md §7's table. Plug-in and other hybrids (8703.40–8703.70) are not "new three". */
const SUBHEADINGS: Readonly<Record<string, NewThreeCategory>> = {
  '870380': 'ev',
  '850760': 'li_ion_battery',
  '854142': 'pv',
  '854143': 'pv',
};

/**
 * The "new three" category of a commodity code, or null. Takes China's 10-digit code; any code of 6 to 10 digits
 * works, since the HS subheading alone decides (our choice, so an 8-digit tariff line is recognised too).
 */
export function newThreeCategory(code: string): NewThreeCategory | null {
  if (!/^\d{6,10}$/.test(code)) {
    return null;
  }
  return SUBHEADINGS[code.slice(0, 6)] ?? null;
}

type Requirements = Readonly<Record<FastLaneTransportMode, readonly DgDocumentKind[]>>;

/**
 * Documents by category and transport mode.
 *
 * Lithium-ion batteries (UN3480/UN3481, class 9). From the reference: UN38.3 summary, SDS, the transport-condition
 * appraisal report and the DG packaging certificate; the MSA declaration for sea. The appraisal report is named for
 * sea and air only (海运/空运货物运输条件鉴定书), so we ask for it there only. The packaging certificate is customs'
 * appraisal of *outbound* DG packaging whatever the mode (its formal name has none; the reference gives its validity
 * for air and sea), so we ask for it on every mode. Our assumptions: rail (China–Europe trains) and road need
 * UN38.3 and SDS like any other mode, and road is treated like rail.
 *
 * Electric vehicles (UN3556 by sea). From the reference: by sea no packaging certificate, but an MSA declaration.
 * Our assumptions: the traction battery's UN38.3 summary and its SDS on every mode; by air also the appraisal
 * report, as for batteries; by rail and road neither the MSA declaration (not a sea voyage) nor a packaging
 * certificate (a vehicle is not packaged).
 *
 * PV cells and modules are not dangerous goods: no DG documents, yet they still take the fast lane (the reference
 * lists them among the "new three"; it names no document for them).
 */
const REQUIRED: Readonly<Record<NewThreeCategory, Requirements>> = {
  li_ion_battery: {
    sea: ['un38_3_summary', 'sds', 'dg_packaging_certificate', 'transport_condition_report', 'msa_dg_declaration'],
    air: ['un38_3_summary', 'sds', 'dg_packaging_certificate', 'transport_condition_report'],
    rail: ['un38_3_summary', 'sds', 'dg_packaging_certificate'],
    road: ['un38_3_summary', 'sds', 'dg_packaging_certificate'],
  },
  ev: {
    sea: ['un38_3_summary', 'sds', 'msa_dg_declaration'],
    air: ['un38_3_summary', 'sds', 'transport_condition_report'],
    rail: ['un38_3_summary', 'sds'],
    road: ['un38_3_summary', 'sds'],
  },
  pv: { sea: [], air: [], rail: [], road: [] },
};

/** The DG documents an export of this category needs on this mode, in DG_DOCUMENT_KINDS order. */
export function requiredDocuments(category: NewThreeCategory, transportMode: FastLaneTransportMode): DgDocumentKind[] {
  return [...REQUIRED[category][transportMode]];
}

/** The required documents not among `provided` (unknown kinds in `provided` are ignored), in DG_DOCUMENT_KINDS order. */
export function missingDocuments(
  category: NewThreeCategory,
  transportMode: FastLaneTransportMode,
  provided: readonly string[],
): DgDocumentKind[] {
  const have = new Set(provided);
  return requiredDocuments(category, transportMode).filter((kind) => !have.has(kind));
}

/**
 * Target time from submission to release in the fast lane. Our choice, not in the reference: two hours, a
 * service-level target the zone can publish and measure, not a legal deadline.
 */
export const FAST_LANE_TARGET_MINUTES = 120;

/** When a fast-lane declaration submitted at `submittedAt` should be released at the latest. */
export function fastLaneTarget(submittedAt: Date): Date {
  const time = submittedAt.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('submittedAt is not a valid date');
  }
  return new Date(time + FAST_LANE_TARGET_MINUTES * 60_000);
}
