import { z } from 'zod';

/**
 * Public verification of documents issued by modules other than logistics. The public page
 * (`GET /api/public/documents/:token`, `POST /api/public/documents/verify`) lives in the logistics
 * module, which answers its bills of lading itself and asks each `PublicDocumentSource` for the
 * rest, so a module plugs its documents in without logistics importing it.
 */

/**
 * What anyone holding a customs release note (放行通知书) may see without an account: enough to
 * match the paper in hand and its fingerprint; no prices per item.
 */
export const releaseNoteVerificationSchema = z
  .object({
    kind: z.literal('customs_release_note'),
    number: z.string(),
    status: z.enum(['issued', 'cancelled']),
    /** SHA-256 of the PDF; null in the moment between issue and first rendering. */
    sha256: z.string().nullable(),
    issuedAt: z.iso.datetime(),
    /** The 18-digit customs declaration number. */
    declarationNumber: z.string(),
    direction: z.enum(['import', 'export']),
    /** The declarant's name as printed (English). */
    declarant: z.string(),
    /** The overseas consignor (import) or consignee (export), as printed. */
    foreignParty: z.string(),
    tradeCountry: z.string(),
    blNumber: z.string().nullable(),
    /** How many goods items the note lists. */
    itemCount: z.number().int().min(0),
    /** Total customs value in CNY (decimal string); null when not assessed. */
    customsValueCny: z.string().nullable(),
  })
  .meta({ id: 'ReleaseNoteVerification' });

export type ReleaseNoteVerification = z.infer<typeof releaseNoteVerificationSchema>;

/** A document view another module can answer on the public verification page. */
export type PublicDocumentView = ReleaseNoteVerification;

/** A module's documents, looked up by the token in their QR code or by the SHA-256 of their PDF. */
export interface PublicDocumentSource {
  byToken(token: string): Promise<PublicDocumentView | null>;
  bySha256(sha256: string): Promise<PublicDocumentView | null>;
}
