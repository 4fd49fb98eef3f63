import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { CoalescingRunner } from '../../platform/background/coalesce.js';
import type { Db, Tx } from '../../platform/db/client.js';
import { type BillOfLadingContent, renderBillOfLading, sha256Hex } from './documents.js';
import { documents, shipments } from './schema.js';

/** Documents rendered per pass of the background renderer; the rest wait for the next pass. */
const RENDER_BATCH_MAX = 50;

export interface RenderedDocument {
  number: string;
  version: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Renders issued bills of lading and fixes their fingerprints. Rendering a PDF costs ~10 ms of CPU,
 * too much to spend inside a booking's transaction (and its row locks), so the booking stores the
 * content and this service renders right after commit. Rendering is deterministic, so the first
 * render's SHA-256 is the document's fingerprint and every later render must reproduce it.
 */
export class DocumentService {
  private readonly background: CoalescingRunner;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'> | null = null,
  ) {
    this.background = new CoalescingRunner(
      () => this.renderPending(),
      (error) => this.log?.warn({ err: error.message }, 'rendering documents failed'),
    );
  }

  /** Starts a render pass in the background (after a commit that issued documents). */
  kick(): void {
    this.background.kick();
  }

  /** Waits for the background pass (tests, shutdown). */
  async idle(): Promise<void> {
    await this.background.idle();
  }

  /** Renders every document still without a fingerprint; returns how many it fixed. */
  async renderPending(): Promise<number> {
    let fixed = 0;
    for (;;) {
      const pending = await this.db
        .select({ id: documents.id, content: documents.content })
        .from(documents)
        .where(isNull(documents.sha256))
        .orderBy(asc(documents.issuedAt))
        .limit(RENDER_BATCH_MAX);
      for (const doc of pending) {
        const bytes = await renderBillOfLading(doc.content as BillOfLadingContent);
        // Only the first writer sets it: a concurrent renderer produced the same bytes anyway.
        await this.db
          .update(documents)
          .set({ sha256: sha256Hex(bytes) })
          .where(and(eq(documents.id, doc.id), isNull(documents.sha256)));
        fixed += 1;
      }
      if (pending.length < RENDER_BATCH_MAX) return fixed;
    }
  }

  /** The PDF of one version of a shipment's bill; fixes its fingerprint if this is the first render. */
  async pdf(shipmentId: string, version: number): Promise<RenderedDocument | null> {
    const [doc] = await this.db
      .select()
      .from(documents)
      .where(and(eq(documents.shipmentId, shipmentId), eq(documents.version, version)));
    if (!doc) return null;
    const bytes = await renderBillOfLading(doc.content as BillOfLadingContent);
    const sha256 = sha256Hex(bytes);
    if (doc.sha256 === null) {
      await this.db
        .update(documents)
        .set({ sha256 })
        .where(and(eq(documents.id, doc.id), isNull(documents.sha256)));
    } else if (doc.sha256 !== sha256) {
      // The renderer changed (a library upgrade) and no longer reproduces issued bills: refuse to hand
      // out a file that would fail its own verification.
      this.log?.error({ documentId: doc.id }, 'rendered bill of lading does not match its fingerprint');
      throw new Error(`document ${doc.id} no longer renders to its fingerprint`);
    }
    return { number: doc.number, version: doc.version, sha256, bytes };
  }

  /** Voids every issued version (the shipment was cancelled). */
  async voidAll(tx: Tx, shipmentId: string): Promise<void> {
    await tx
      .update(documents)
      .set({ status: 'cancelled' })
      .where(and(eq(documents.shipmentId, shipmentId), eq(documents.status, 'issued')));
  }

  /** What the public verification page shows for a token: status and fingerprint, and a few fields. */
  async byToken(token: string) {
    const [row] = await this.db
      .select({ doc: documents, shipmentStatus: shipments.status })
      .from(documents)
      .innerJoin(shipments, eq(shipments.id, documents.shipmentId))
      .where(eq(documents.verificationToken, token));
    return row ?? null;
  }

  /** Which issued document (if any) a file is, by its SHA-256. */
  async bySha256(sha256: string) {
    const [row] = await this.db
      .select({ doc: documents, shipmentStatus: shipments.status })
      .from(documents)
      .innerJoin(shipments, eq(shipments.id, documents.shipmentId))
      .where(eq(documents.sha256, sha256))
      .limit(1);
    return row ?? null;
  }
}
