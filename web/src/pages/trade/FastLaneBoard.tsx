import { CheckCircleOutlined, ClockCircleOutlined, ThunderboltOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DeclarationSummary, NEW_THREE_CATEGORIES, useDeclarations } from '../../api/trade';
import { KpiRow } from '../../components/Kpi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { useNow } from '../../lib/useDebounced';
import { formatInstant, formatNumber } from '../logistics/model';
import { deadlineState, elapsedMinutes, formatDuration } from './model';
import { ChannelTag, DeadlineTag, DeclarationStatusTag, FastLaneTag } from './TradeTags';

const OPEN = new Set(['submitted', 'documents_requested', 'inspection']);

/** Open declarations first (nearest target first), then the decided ones, latest first. */
function boardOrder(a: DeclarationSummary, b: DeclarationSummary): number {
  const aOpen = OPEN.has(a.status);
  const bOpen = OPEN.has(b.status);
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  if (aOpen) return (a.targetReleaseAt ?? '').localeCompare(b.targetReleaseAt ?? '');
  return (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '');
}

function BoardCard({ row, now }: { row: DeclarationSummary; now: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const state = deadlineState(row, now);
  const elapsed = elapsedMinutes(row, now);
  return (
    <Link to={`/trade/declarations/${row.id}`} className="board-card-link">
      <div className={`board-card board-${state ?? 'none'}`} data-testid={`board-card-${row.number ?? row.id}`}>
        <div className="board-card-head">
          <span className="mono strong-cell">{row.number}</span>
          <DeadlineTag state={state} />
        </div>
        <div className="tag-row">
          <DeclarationStatusTag status={row.status} />
          <ChannelTag channel={row.channel} />
        </div>
        <div className="board-times">
          <span className="muted">{t('trade.board.target')}</span>
          <span>{row.targetReleaseAt ? formatInstant(row.targetReleaseAt, language) : '—'}</span>
          <span className="muted">{OPEN.has(row.status) ? t('trade.board.elapsed') : t('trade.board.took')}</span>
          <span className="num">{elapsed === null ? '—' : formatDuration(elapsed, language)}</span>
        </div>
      </div>
    </Link>
  );
}

/**
 * The "new three" fast lane (electric vehicles, lithium-ion batteries, photovoltaics): every fast-lane
 * declaration by category, against its target release time.
 */
export function FastLaneBoard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const declarations = useDeclarations({ fastLane: true });
  const now = useNow(15_000);
  const rows = declarations.data ?? [];
  const totals = useMemo(() => {
    const states = rows.map((row) => deadlineState(row, now));
    const released = rows.filter((row) => row.status === 'released');
    const times = released
      .map((row) => elapsedMinutes(row, now))
      .filter((m): m is number => m !== null)
      .sort((a, b) => a - b);
    const median =
      times.length === 0
        ? null
        : times.length % 2 === 1
          ? (times[(times.length - 1) / 2] ?? 0)
          : ((times[times.length / 2 - 1] ?? 0) + (times[times.length / 2] ?? 0)) / 2;
    return {
      open: rows.filter((row) => OPEN.has(row.status)).length,
      onTarget: states.filter((s) => s === 'on_target').length,
      overdue: states.filter((s) => s === 'overdue').length,
      median,
    };
  }, [rows, now]);
  const loaded = declarations.data !== undefined;

  return (
    <div data-testid="fast-lane-board">
      <KpiRow
        className="trade-kpis"
        items={[
          {
            title: t('trade.board.open'),
            value: loaded ? formatNumber(totals.open, language) : undefined,
            icon: <ThunderboltOutlined />,
            color: '#0e9aa7',
            testId: 'board-open',
          },
          {
            title: t('trade.board.onTarget'),
            value: loaded ? formatNumber(totals.onTarget, language) : undefined,
            icon: <CheckCircleOutlined />,
            color: '#2e8540',
            testId: 'board-on-target',
          },
          {
            title: t('trade.board.overdue'),
            value: loaded ? formatNumber(totals.overdue, language) : undefined,
            icon: <WarningOutlined />,
            color: '#c0392b',
            testId: 'board-overdue',
          },
          {
            title: t('trade.board.median'),
            value: loaded ? (totals.median === null ? '—' : formatDuration(totals.median, language)) : undefined,
            icon: <ClockCircleOutlined />,
            color: '#b86e00',
            testId: 'board-median',
          },
        ]}
      />
      <div className="muted board-hint">{t('trade.board.hint')}</div>
      {declarations.isError ? (
        <ProblemAlert error={declarations.error} onRetry={() => void declarations.refetch()} />
      ) : null}
      <Row gutter={16}>
        {NEW_THREE_CATEGORIES.map((category) => {
          const inCategory = rows.filter((row) => row.fastLane === category).sort(boardOrder);
          return (
            <Col xs={24} xl={8} key={category}>
              <Card
                title={<FastLaneTag category={category} />}
                extra={<span className="muted">{formatNumber(inCategory.length, language)}</span>}
                variant="borderless"
                className="section-card board-column"
                data-testid={`board-column-${category}`}
                loading={declarations.isPending}
              >
                {inCategory.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.board.empty')} />
                ) : (
                  inCategory.map((row) => <BoardCard key={row.id} row={row} now={now} />)
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
