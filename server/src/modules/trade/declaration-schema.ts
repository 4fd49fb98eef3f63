// The declaration as an integrator sends it. Zod checks shapes and formats (each bad field named);
// declarations.ts checks what needs the catalogue or the database (known lines, legal units, rates,
// countries, licences, the linked bill of lading) — again every problem at once.
import { z } from 'zod';
import { DG_DOCUMENT_KINDS } from './risk/index.js';
import { DECLARATION_ITEMS_MAX } from './tax/bill.js';
import { TERMS_OF_SALE } from './tax/customs-value.js';

/** Supervision modes (监管方式) this platform accepts on a declaration (customs.md §1; memory, verify). */
export const SUPERVISION_MODES = [
  '0110',
  '0214',
  '0615',
  '1210',
  '1233',
  '1239',
  '3010',
  '6033',
  '9610',
  '9710',
  '9810',
] as const;
/** Modes only an export can use: B2B direct export and export to an overseas warehouse. */
export const EXPORT_ONLY_MODES: ReadonlySet<string> = new Set(['9710', '9810']);
/** Transport modes of a border crossing (运输方式): 2 waterway, 3 rail, 4 road, 5 air, 6 post, 9 other. */
export const TRANSPORT_MODES = ['2', '3', '4', '5', '6', '9'] as const;
export type TransportModeCode = (typeof TRANSPORT_MODES)[number];
/** The transport mode names the fast-lane rules use. */
export const TRANSPORT_MODE_NAMES: Record<TransportModeCode, 'sea' | 'rail' | 'road' | 'air' | 'other'> = {
  '2': 'sea',
  '3': 'rail',
  '4': 'road',
  '5': 'air',
  '6': 'air',
  '9': 'other',
};
export const DOCUMENT_KINDS = [
  'invoice',
  'packing_list',
  'contract',
  'certificate_of_origin',
  'licence',
  ...DG_DOCUMENT_KINDS,
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENTS_MAX = 20;
export const LICENCE_CODES = ['4', '7', 't', 'x', 'y'] as const;

const decimal = z.string().regex(/^\d{1,15}(\.\d{1,10})?$/, { message: 'invalid_decimal' });
const country = z.string().regex(/^[A-Z]{2}$/);
const locode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/);
const isoDate = z.iso.date();

export const documentInputSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  reference: z.string().trim().min(1).max(60),
  issuer: z.string().trim().min(1).max(140).optional(),
  validUntil: isoDate.optional(),
});
export type DocumentInput = z.infer<typeof documentInputSchema>;

export const declarationItemSchema = z.strictObject({
  code: z.string().regex(/^\d{10}$/),
  description: z.string().trim().min(1).max(255),
  quantities: z
    .array(z.strictObject({ amount: decimal, unit: z.string().min(1).max(8) }))
    .min(1)
    .max(2)
    .describe("Quantities in the line's legal units: the first always, the second when the line has one"),
  priceAmount: decimal.describe("The item's total price under the terms of sale, in the declaration currency"),
  originCountry: country,
  certificateOfOrigin: z.boolean().optional().describe('A certificate of origin claims the agreement rate'),
  licences: z
    .array(z.strictObject({ code: z.enum(LICENCE_CODES), number: z.string().trim().min(1).max(40) }))
    .max(5)
    .optional(),
});

export const declarationBody = z.strictObject({
  direction: z.enum(['import', 'export']),
  supervisionMode: z.enum(SUPERVISION_MODES),
  transportMode: z.enum(TRANSPORT_MODES),
  termsOfSale: z.enum(TERMS_OF_SALE),
  loadingPort: locode,
  dischargePort: locode,
  foreignParty: z.strictObject({
    name: z.string().trim().min(1).max(140),
    country,
    aeo: z.boolean().optional().describe('An AEO of a country with a mutual-recognition arrangement'),
  }),
  tradeCountry: country,
  currency: z.string().regex(/^[A-Z]{3}$/),
  freightAmount: decimal.optional(),
  insuranceAmount: decimal.optional().describe('Omitted on CFR/FOB/EXW imports: 0.3 % of price + freight'),
  blNumber: z
    .string()
    .regex(/^SCOB\d{10}$/)
    .optional()
    .describe('Bill of lading of one of your shipments in the logistics centre'),
  declarationDate: isoDate.optional().describe("Defaults to today's date in Beijing"),
  twoStep: z.boolean().optional().describe('File the summary first (两步申报); complete it later'),
  items: z.array(declarationItemSchema).min(1).max(DECLARATION_ITEMS_MAX),
  documents: z.array(documentInputSchema).max(DOCUMENTS_MAX).optional(),
});
export type DeclarationBody = z.infer<typeof declarationBody>;
