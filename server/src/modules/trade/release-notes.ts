// Release notes: their content is fixed when customs releases (a snapshot, so later changes to the
// registry or the catalogue never change a note), the PDF is rendered from it deterministically, and the
// SHA-256 of the first rendering becomes the fingerprint the public verification page checks.
import { and, eq, isNull } from 'drizzle-orm';
import { sha256Hex } from '../../lib/pdf/index.js';
import { CoalescingRunner } from '../../platform/background/coalesce.js';
import type { Db, Queryable, Tx } from '../../platform/db/client.js';
import type { PublicDocumentSource, ReleaseNoteVerification } from '../../platform/documents/verification.js';
import { getEnterprise } from '../registry/index.js';
import { findTariffLine } from './data/tariff.js';
import type { Actor, Declaration } from './declarations.js';
import { type ReleaseNoteContent, renderReleaseNote } from './release-note.js';
import { declarationItems, declarations, releaseNotes } from './schema.js';

export type ReleaseNote = typeof releaseNotes.$inferSelect;
type StoredContent = Omit<ReleaseNoteContent, 'verifyUrl'>;

const fen = (value: number | null) => (value === null ? null : (value / 100).toFixed(2));

/** The note's content at the moment of release, from the declaration, its items and the declarant. */
export async function releaseNoteContent(
  tx: Tx,
  declaration: Declaration,
  actor: Actor,
  now: Date,
): Promise<StoredContent> {
  const [enterprise, items] = await Promise.all([
    getEnterprise(tx, declaration.enterpriseId),
    tx.select().from(declarationItems).where(eq(declarationItems.declarationId, declaration.id)),
  ]);
  const header = declaration.header as { foreignParty: { name: string; country: string } };
  return {
    number: `RN${declaration.number}`,
    declarationNumber: declaration.number ?? '',
    direction: declaration.direction,
    supervisionMode: declaration.supervisionMode,
    transportMode: declaration.transportMode,
    customsOffice: 'Qingdao Customs (Jiaozhou)',
    declarant: {
      name: enterprise?.nameEn ?? declaration.enterpriseId,
      uscc: enterprise?.uscc ?? '',
      customsCode: enterprise?.customsCode ?? null,
    },
    foreignParty: { name: header.foreignParty.name, country: header.foreignParty.country },
    tradeCountry: declaration.tradeCountry,
    blNumber: declaration.blNumber,
    channel: declaration.channel ?? 'auto_release',
    items: items
      .sort((a, b) => a.seq - b.seq)
      .map((item) => ({
        seq: item.seq,
        code: item.code,
        name: findTariffLine(item.code)?.names.en ?? item.description,
        quantity: item.quantity,
        unit: item.unit,
        amount: item.amount,
        currency: declaration.currency,
        originCountry: item.originCountry,
      })),
    totals: {
      customsValueCny: fen(declaration.customsValueFen),
      taxCny: fen(declaration.taxFen),
      payment: declaration.payment,
    },
    releasedAt: now.toISOString(),
    officer: actor.name,
  };
}

/** Notes rendered per query of a pass; a pass keeps going until none is pending. */
const RENDER_BATCH_MAX = 50;

/** Renders, fingerprints and verifies release notes; one per app instance. */
export class ReleaseNoteService implements PublicDocumentSource {
  private readonly background: CoalescingRunner;

  constructor(
    private readonly db: Db,
    private readonly publicUrl: string,
    onError: (error: Error) => void = () => {},
  ) {
    this.background = new CoalescingRunner(() => this.renderPending(), onError);
  }

  /**
   * Renders pending notes in the background. One pass renders every pending note, so the
   * dispatcher's parallel deliveries (up to 50) share a pass instead of each rendering all of them.
   */
  kick(): void {
    this.background.kick();
  }

  async idle(): Promise<void> {
    await this.background.idle();
  }

  verifyUrl(note: Pick<ReleaseNote, 'verificationToken'>): string {
    return `${this.publicUrl.replace(/\/$/, '')}/verify/${note.verificationToken}`;
  }

  /** The PDF; the first rendering fixes the fingerprint, a later one that differs is refused. */
  async pdf(note: ReleaseNote): Promise<Buffer> {
    const bytes = await renderReleaseNote({ ...(note.content as StoredContent), verifyUrl: this.verifyUrl(note) });
    const sha256 = sha256Hex(bytes);
    if (note.sha256 === null) {
      await this.db
        .update(releaseNotes)
        .set({ sha256 })
        .where(and(eq(releaseNotes.id, note.id), isNull(releaseNotes.sha256)));
      const [fixed] = await this.db.select().from(releaseNotes).where(eq(releaseNotes.id, note.id));
      if (fixed?.sha256 !== sha256) throw new Error(`release note ${note.number} rendered differently`);
    } else if (note.sha256 !== sha256) {
      throw new Error(`release note ${note.number} no longer renders to its fingerprint`);
    }
    return bytes;
  }

  /** Fixes the fingerprint of every note released without one (after each release, and at start-up). */
  async renderPending(): Promise<number> {
    let fixed = 0;
    for (;;) {
      const pending = await this.db
        .select()
        .from(releaseNotes)
        .where(isNull(releaseNotes.sha256))
        .limit(RENDER_BATCH_MAX);
      for (const note of pending) await this.pdf(note);
      fixed += pending.length;
      if (pending.length < RENDER_BATCH_MAX) return fixed;
    }
  }

  async forDeclaration(db: Queryable, declarationId: string): Promise<ReleaseNote | null> {
    const [note] = await db.select().from(releaseNotes).where(eq(releaseNotes.declarationId, declarationId));
    return note ?? null;
  }

  async byToken(token: string): Promise<ReleaseNoteVerification | null> {
    let [note] = await this.db.select().from(releaseNotes).where(eq(releaseNotes.verificationToken, token));
    if (!note) return null;
    if (note.sha256 === null) {
      await this.pdf(note);
      [note] = await this.db.select().from(releaseNotes).where(eq(releaseNotes.id, note.id));
    }
    return this.view(note!);
  }

  async bySha256(sha256: string): Promise<ReleaseNoteVerification | null> {
    const [note] = await this.db.select().from(releaseNotes).where(eq(releaseNotes.sha256, sha256));
    return note ? this.view(note) : null;
  }

  private async view(note: ReleaseNote): Promise<ReleaseNoteVerification> {
    const content = note.content as StoredContent;
    const [declaration] = await this.db
      .select({ status: declarations.status })
      .from(declarations)
      .where(eq(declarations.id, note.declarationId));
    return {
      kind: 'customs_release_note',
      number: note.number,
      status: declaration?.status === 'released' ? 'issued' : 'cancelled',
      sha256: note.sha256,
      issuedAt: note.issuedAt.toISOString(),
      declarationNumber: content.declarationNumber,
      direction: content.direction,
      declarant: content.declarant.name,
      foreignParty: content.foreignParty.name,
      tradeCountry: content.tradeCountry,
      blNumber: content.blNumber,
      itemCount: content.items.length,
      customsValueCny: content.totals.customsValueCny,
    };
  }
}
