import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { CAR_IMPORT as carImport } from '../../test/fixtures.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { type EventEnvelope, emitEvent } from '../events/index.js';
import { findEnterpriseByUscc } from '../registry/index.js';
import { recordEvent } from './index.js';

let t: TestApp;
let admin: string;
let officer: string;
let trader: string;
let forwarder: string;
let bank: string;
let traderId: string;
let forwarderId: string;

beforeAll(async () => {
  t = await buildTestApp();
  [admin, officer, trader, forwarder, bank] = await Promise.all([
    t.login('admin@demo'),
    t.login('officer@demo'),
    t.login('trader@demo'),
    t.login('forwarder@demo'),
    t.login('bank@demo'),
  ]);
  traderId = (await findEnterpriseByUscc(t.database.db, '91370281MA3DJ7K12H'))!.id;
  forwarderId = (await findEnterpriseByUscc(t.database.db, '91370281MA3EL2R82Q'))!.id;
  await drain();
});
afterAll(async () => t?.close());

/** Delivers every pending event to its subscribers, step by step (the dispatcher is not running in tests). */
async function drain(): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    const { fannedOut, attempted } = await t.app.dispatcher.runOnce();
    if (fannedOut === 0 && attempted === 0) return;
  }
  throw new Error('the outbox did not drain');
}

function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** Writes an event into the outbox as its module would (the credit module only ever sees the envelope). */
async function emit(type: string, enterpriseId: string, payload: Record<string, unknown>): Promise<string> {
  const [module, event] = type.split('.') as [string, string];
  return t.database.db.transaction((tx) => emitEvent(tx, { module, event, enterpriseId, payload }));
}

function envelope(
  type: string,
  enterpriseId: string,
  payload: Record<string, unknown>,
  occurredAt: string,
): EventEnvelope {
  return { id: randomUUID(), type, module: type.split('.')[0]!, enterpriseId, occurredAt, payload };
}

async function gradeEvents(enterpriseId: string) {
  return queryRows<{ payload: { grade: string; previousGrade: string | null; score: number } }>(
    t.database.db,
    sql`SELECT payload FROM outbox_events WHERE type = 'credit.grade_changed' AND enterprise_id = ${enterpriseId} ORDER BY id`,
  );
}

describe('credit grades from events', () => {
  // Every activated enterprise gets a first grade (B at the base score) and one grade_changed event with no previous grade.
  it('grades every demo enterprise on activation', async () => {
    const grades = await call(officer, 'GET', '/api/credit/grades');
    expect(grades.statusCode).toBe(200);
    const items = grades.json().items as { enterpriseId: string; grade: string; score: number }[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    const forwarderGrade = items.find((item) => item.enterpriseId === forwarderId);
    expect(forwarderGrade).toMatchObject({ grade: 'B', score: 80 });
    const events = await gradeEvents(forwarderId);
    expect(events[0]!.payload).toMatchObject({ grade: 'B', previousGrade: null, score: 80 });
    expect(Object.keys(events[0]!.payload).sort()).toEqual([
      'computedAt',
      'enterpriseId',
      'grade',
      'previousGrade',
      'score',
    ]);
  });

  // Breaches arriving as events lower the grade: hand-computed 80 − 3 − 5 − 3 − 5 = 64 → C, with each factor shown.
  it('records facts from trade, bonded and logistics events and recomputes the grade', async () => {
    const declarationId = randomUUID();
    await emit('trade.declaration_rejected', forwarderId, { declarationId, number: '420020261000000001', note: 'x' });
    await emit('trade.declaration_inspection_findings', forwarderId, {
      declarationId,
      findings: { result: 'discrepancy', text: 'quantity short' },
    });
    await emit('trade.declaration_inspection_findings', forwarderId, {
      declarationId: randomUUID(),
      findings: { result: 'no_discrepancy', text: 'ok' },
    });
    await emit('bonded.stocktake_decided', forwarderId, { listId: randomUUID(), number: 'QD01', status: 'posted' });
    await emit('bonded.stocktake_decided', forwarderId, { listId: randomUUID(), number: 'QD02', status: 'refused' });
    await emit('bonded.consolidation_overdue', forwarderId, {
      consolidationId: randomUUID(),
      number: 'C1',
      dueOn: '2026-01-01',
    });
    await drain();

    const credit = await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}`);
    expect(credit.statusCode, credit.body).toBe(200);
    const body = credit.json();
    expect(body).toMatchObject({ score: 64, grade: 'C' });
    const points = Object.fromEntries(
      body.factors.map((f: { factor: string; points: number }) => [f.factor, f.points]),
    );
    expect(points).toMatchObject({
      base: 80,
      declaration_accuracy: -3,
      inspection_findings: -5,
      bonded_discrepancies: -3,
      overdue_consolidations: -5,
      amendments: 0,
    });
    expect(body.factors.reduce((sum: number, f: { points: number }) => sum + f.points, 0)).toBe(body.score);
    expect(body.factors.find((f: { factor: string }) => f.factor === 'inspection_findings').reason).toBe(
      '1 inspections found a discrepancy: 5 points each, at most 20; -5 points',
    );

    // One event per grade change, not per fact: B → C happened once, on the fact that crossed 75.
    const events = (await gradeEvents(forwarderId)).map((e) => e.payload);
    expect(events.map((e) => [e.previousGrade, e.grade])).toEqual([
      [null, 'B'],
      ['B', 'C'],
    ]);
    const history = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/history`)).json().items;
    expect(history[0]).toMatchObject({ score: 64, grade: 'C' });
    expect(history.at(-1)).toMatchObject({ score: 80, grade: 'B', previousGrade: null, cause: 'activated' });
    const facts = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/facts`)).json().items;
    expect(facts.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'consolidation_overdue',
      'declaration_rejected',
      'inspection_clean',
      'inspection_discrepancy',
      'stocktake_adjustment',
    ]);
  });

  // At-least-once delivery: the same event twice is one fact and one recompute.
  it('stores each fact once per source event', async () => {
    const event = envelope(
      'logistics.shipment_cancelled',
      forwarderId,
      { shipmentId: randomUUID(), blNumber: 'B1' },
      new Date().toISOString(),
    );
    expect(await recordEvent(t.database.db, event)).toBe(true);
    const historyBefore = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM credit_grade_history`,
    );
    expect(await recordEvent(t.database.db, event)).toBe(false);
    const [facts] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM credit_facts WHERE source_event_id = ${event.id}`,
    );
    expect(facts!.n).toBe(1);
    const historyAfter = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM credit_grade_history`,
    );
    expect(historyAfter[0]!.n).toBe(historyBefore[0]!.n);
    // The history table refuses edits (append-only trigger).
    await expect(t.database.db.execute(sql`UPDATE credit_grade_history SET score = 100`)).rejects.toThrow();
  });

  // Duty on a guaranteed release paid more than 15 days later is late; paid within 15 days is on time.
  it('tells late duty payments from timely ones', async () => {
    const enterprise = (await findEnterpriseByUscc(t.database.db, '91370281MA3M2Q9G2U'))!.id;
    const late = randomUUID();
    const timely = randomUUID();
    const released = '2026-03-01T00:00:00.000Z';
    for (const declarationId of [late, timely]) {
      await recordEvent(
        t.database.db,
        envelope(
          'trade.declaration_released',
          enterprise,
          { declarationId, payment: 'guaranteed', releasedAt: released },
          released,
        ),
      );
    }
    await recordEvent(
      t.database.db,
      envelope('trade.declaration_paid', enterprise, { declarationId: late }, '2026-03-20T00:00:00.000Z'),
    );
    await recordEvent(
      t.database.db,
      envelope('trade.declaration_paid', enterprise, { declarationId: timely }, '2026-03-10T00:00:00.000Z'),
    );
    const kinds = await queryRows<{ kind: string; subject_id: string }>(
      t.database.db,
      sql`SELECT kind, subject_id FROM credit_facts WHERE enterprise_id = ${enterprise} AND kind LIKE 'duty_%'`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'duty_paid_late', subject_id: late },
        { kind: 'duty_paid_on_time', subject_id: timely },
      ]),
    );
    const credit = await call(officer, 'GET', `/api/credit/enterprises/${enterprise}`);
    expect(credit.json().factors.find((f: { factor: string }) => f.factor === 'duty_timeliness').points).toBe(-4);
  });
});

describe('credit tenancy', () => {
  // Enterprises never see each other's grades or factors: another tenant's id answers 404 like a missing one.
  it('shows an enterprise only its own grade; officers and admins see all', async () => {
    expect((await call(trader, 'GET', `/api/credit/enterprises/${traderId}`)).statusCode).toBe(200);
    for (const path of ['', '/facts', '/history', '/repairs']) {
      expect((await call(trader, 'GET', `/api/credit/enterprises/${forwarderId}${path}`)).statusCode, path).toBe(404);
      expect((await call(bank, 'GET', `/api/credit/enterprises/${traderId}${path}`)).statusCode, path).toBe(404);
      expect((await call(officer, 'GET', `/api/credit/enterprises/${forwarderId}${path}`)).statusCode, path).toBe(200);
      expect((await call(admin, 'GET', `/api/credit/enterprises/${traderId}${path}`)).statusCode, path).toBe(200);
    }
    expect((await call(officer, 'GET', `/api/credit/enterprises/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(trader, 'GET', '/api/credit/grades')).statusCode).toBe(403);
    expect((await call(bank, 'GET', '/api/credit/repairs')).statusCode).toBe(403);
  });
});

describe('credit repair', () => {
  // Accepted: the named breach stops counting and the grade is recomputed; refused needs a reason; both are audited.
  it('files, refuses and accepts repair requests', async () => {
    const facts = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/facts`)).json().items as {
      id: string;
      kind: string;
    }[];
    const discrepancy = facts.find((f) => f.kind === 'inspection_discrepancy')!;
    const clean = facts.find((f) => f.kind === 'inspection_clean')!;
    const before = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}`)).json().score as number;

    const notBad = await call(forwarder, 'POST', `/api/credit/enterprises/${forwarderId}/repairs`, {
      factIds: [clean.id],
      evidence: 'Nothing wrong with this one either.',
    });
    expect(notBad.statusCode).toBe(422);
    expect(notBad.json().errors).toEqual([
      expect.objectContaining({ field: 'body.factIds.0', code: 'fact_not_repairable' }),
    ]);
    const foreign = await call(trader, 'POST', `/api/credit/enterprises/${forwarderId}/repairs`, {
      factIds: [discrepancy.id],
      evidence: 'Filing for somebody else.',
    });
    expect(foreign.statusCode).toBe(404);
    const traderForeignFact = await call(trader, 'POST', `/api/credit/enterprises/${traderId}/repairs`, {
      factIds: [discrepancy.id],
      evidence: 'A fact of another enterprise.',
    });
    expect(traderForeignFact.statusCode).toBe(422);

    const filed = await call(forwarder, 'POST', `/api/credit/enterprises/${forwarderId}/repairs`, {
      factIds: [discrepancy.id],
      evidence: 'The shortfall was a tally error by the terminal; corrected manifest attached.',
      references: ['TALLY-2026-0042'],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const refusedNoReason = await call(admin, 'POST', `/api/credit/repairs/${filed.json().id}/decision`, {
      decision: 'refuse',
    });
    expect(refusedNoReason.statusCode).toBe(422);
    expect(refusedNoReason.json().errors[0].field).toBe('body.reason');
    expect(
      (await call(officer, 'POST', `/api/credit/repairs/${filed.json().id}/decision`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);

    const accepted = await call(admin, 'POST', `/api/credit/repairs/${filed.json().id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const after = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}`)).json();
    expect(after.score).toBe(before + 5);
    expect(after.factors.find((f: { factor: string }) => f.factor === 'inspection_findings').count).toBe(0);
    const history = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/history`)).json().items;
    expect(history[0]).toMatchObject({ cause: 'repair', score: before + 5 });
    const repaired = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/facts`))
      .json()
      .items.find((f: { id: string }) => f.id === discrepancy.id);
    expect(repaired.repairedAt).not.toBeNull();
    expect(
      (
        await call(admin, 'POST', `/api/credit/repairs/${filed.json().id}/decision`, {
          decision: 'refuse',
          reason: 'late',
        })
      ).statusCode,
    ).toBe(409);

    // A second request, refused with a reason, is visible to the enterprise with that reason.
    const rejection = facts.find((f) => f.kind === 'declaration_rejected')!;
    const second = await call(forwarder, 'POST', `/api/credit/enterprises/${forwarderId}/repairs`, {
      factIds: [rejection.id],
      evidence: 'We re-filed the declaration correctly the same day.',
    });
    await call(admin, 'POST', `/api/credit/repairs/${second.json().id}/decision`, {
      decision: 'refuse',
      reason: 'A rejection stays on record for a year',
    });
    const repairs = (await call(forwarder, 'GET', `/api/credit/enterprises/${forwarderId}/repairs`)).json().items;
    expect(repairs.find((r: { id: string }) => r.id === second.json().id)).toMatchObject({
      status: 'refused',
      decisionReason: 'A rejection stays on record for a year',
    });
    const [audits] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('credit.repair_filed', 'credit.repair_accepted', 'credit.repair_refused')`,
    );
    expect(audits!.n).toBe(4);
  });
});

describe('grade → risk sampling', () => {
  // The grade reaches trade only as an event; the next declaration's sampling rate follows it (D ×4 capped, A ×½).
  it('changes the sampling decision of a following declaration', async () => {
    const zero = {
      advanced_certified: '0',
      certified: '0.4',
      regular: '0',
      discredited: '0',
      seriously_discredited: '0',
    };
    const settings = await call(officer, 'PUT', '/api/trade/risk-settings', {
      policy: { ratesByClass: zero, aeoPartnerRate: '0' },
      seed: 'credit-test-seed',
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const declare = async () => {
      const response = await call(trader, 'POST', '/api/trade/declarations', carImport);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().risk.sampling as { rate: string; draw: string; selected: boolean };
    };
    const gradeEvent = (grade: string, computedAt: string) =>
      emit('credit.grade_changed', traderId, {
        enterpriseId: traderId,
        score: 50,
        grade,
        previousGrade: 'B',
        computedAt,
      });

    await gradeEvent('D', new Date(Date.now() + 60_000).toISOString());
    await drain();
    const underD = await declare();
    expect(underD).toMatchObject({ rate: '1', selected: true });

    await gradeEvent('A', new Date(Date.now() + 120_000).toISOString());
    await drain();
    const underA = await declare();
    expect(underA.rate).toBe('0.2');
    expect(underA.selected).toBe(Number(underA.draw) < 0.2);

    // A late, older event changes nothing: the profile keeps the newest grade.
    await gradeEvent('D', new Date(Date.now() + 90_000).toISOString());
    await drain();
    expect((await declare()).rate).toBe('0.2');
  });

  // The customs tier recorded in the registry reaches trade's declarant profile by event (the credit class risk uses).
  it('carries the registry’s customs tier into the declarant profile', async () => {
    const recorded = await call(officer, 'PUT', `/api/enterprises/${traderId}/customs-status`, {
      customsCreditTier: 'advanced_certified',
      aeoMraCountries: ['KZ'],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    await drain();
    const declarants = (await call(officer, 'GET', '/api/trade/declarants')).json().items as {
      enterpriseId: string;
      creditClass: string;
    }[];
    expect(declarants.find((d) => d.enterpriseId === traderId)?.creditClass).toBe('advanced_certified');
  });
});
