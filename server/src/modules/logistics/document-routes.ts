import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sha256Hex } from '../../lib/pdf/index.js';
import {
  type PublicDocumentSource,
  type PublicDocumentView,
  releaseNoteVerificationSchema,
} from '../../platform/documents/verification.js';
import { notFound, problemSchema } from '../../platform/http/problem.js';
import type { DocumentService } from './document-service.js';
import type { BillOfLadingContent } from './documents.js';

/** A bill of lading or release note PDF is a few kB; anything far bigger is not one of ours. */
const VERIFY_UPLOAD_BYTES_MAX = 5 * 1024 * 1024;

const verificationSchema = z
  .object({
    kind: z.literal('bill_of_lading'),
    number: z.string(),
    version: z.number().int(),
    status: z.enum(['issued', 'superseded', 'cancelled']),
    shipmentStatus: z.string(),
    sha256: z.string().nullable(),
    issuedAt: z.iso.datetime(),
    shipper: z.string(),
    consignee: z.string(),
    origin: z.string(),
    destination: z.string(),
    containers: z.array(z.string()),
    packages: z.number().int(),
    grossWeightKg: z.number(),
  })
  .meta({ id: 'DocumentVerification' });

/** Whatever the token or file turns out to be: a bill of lading, or a document another module issued. */
const publicDocumentSchema = z
  .discriminatedUnion('kind', [verificationSchema, releaseNoteVerificationSchema])
  .meta({ id: 'PublicDocument' });

type Found = NonNullable<Awaited<ReturnType<DocumentService['byToken']>>>;

/**
 * What a bank or a border post may see without an account: enough to match the paper in hand
 * (parties, places, boxes, totals) and the fingerprint — not prices or the full cargo list.
 */
function verificationView(found: Found): z.infer<typeof verificationSchema> {
  const content = found.doc.content as BillOfLadingContent;
  return {
    kind: 'bill_of_lading',
    number: found.doc.number,
    version: found.doc.version,
    status: found.doc.status,
    shipmentStatus: found.shipmentStatus,
    sha256: found.doc.sha256,
    issuedAt: found.doc.issuedAt.toISOString(),
    shipper: content.shipper.name,
    consignee: content.consignee.name,
    origin: `${content.origin.name} (${content.origin.locode})`,
    destination: `${content.destination.name} (${content.destination.locode})`,
    containers: content.containers.map((c) => c.number),
    packages: content.cargoLines.reduce((sum, l) => sum + l.packages, 0),
    grossWeightKg: Math.round(content.cargoLines.reduce((sum, l) => sum + l.grossWeightKg, 0) * 1000) / 1000,
  };
}

/** Asks each source in turn; the first that knows the document answers. */
async function firstView(
  sources: readonly PublicDocumentSource[],
  lookUp: (source: PublicDocumentSource) => Promise<PublicDocumentView | null>,
): Promise<PublicDocumentView | null> {
  for (const source of sources) {
    const view = await lookUp(source);
    if (view) return view;
  }
  return null;
}

/**
 * The public verification routes. Bills of lading are answered here; `sources` are the documents of
 * other modules (customs release notes…), asked in order when logistics does not know the token or
 * the file, so they plug in without this module importing them.
 */
export function documentRoutes(
  service: DocumentService,
  sources: readonly PublicDocumentSource[] = [],
): FastifyPluginAsyncZod {
  return async (app) => {
    // Raw PDF uploads are accepted on this plugin's routes only; the rest of the API stays JSON-only.
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: VERIFY_UPLOAD_BYTES_MAX },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/public/documents/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['logistics'],
          summary: 'Public verification of an issued document (the address in its QR code)',
          params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
          response: { 200: publicDocumentSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const { token } = request.params;
        let found = await service.byToken(token);
        if (!found) {
          const other = await firstView(sources, (source) => source.byToken(token));
          if (!other) throw notFound('document');
          return other;
        }
        if (found.doc.sha256 === null) {
          // Scanned in the moment between issue and first render: render now rather than show nothing.
          await service.renderPending();
          found = (await service.byToken(token)) ?? found;
        }
        return verificationView(found);
      },
    );

    app.post(
      '/public/documents/verify',
      {
        config: { access: 'public', idempotency: false },
        schema: {
          tags: ['logistics'],
          summary: 'Check a PDF: is it, byte for byte, a document this platform issued?',
          description:
            'Send the file as `application/pdf`. The answer is `match: true` with the document when its SHA-256 equals an issued ' +
            "document's fingerprint; an altered file (a changed consignee, a retouched weight) gives `match: false`. Nothing is stored.",
          response: {
            200: z.object({ match: z.boolean(), sha256: z.string(), document: publicDocumentSchema.nullable() }),
            415: problemSchema,
          },
        },
      },
      async (request) => {
        const bytes = request.body as Buffer;
        const sha256 = sha256Hex(bytes);
        const found = await service.bySha256(sha256);
        const document = found
          ? verificationView(found)
          : await firstView(sources, (source) => source.bySha256(sha256));
        return { match: document !== null, sha256, document };
      },
    );
  };
}
