import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Result, Row, Skeleton } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useRouteSearch } from '../../api/hooks';
import type { Role, RouteSearchRequest, RouteSearchResult } from '../../api/types';
import { useSession } from '../../auth/session';
import { ScoLegend } from '../../components/ScoLegend';
import { useLanguage } from '../../i18n/useLanguage';
import { useLocationIndex } from '../../lib/locations';
import { BookingDrawer } from './BookingDrawer';
import { ItineraryChart } from './ItineraryChart';
import { ItineraryTable } from './ItineraryTable';
import { highlights } from './model';
import { PlannerForm } from './PlannerForm';
import { RouteMap } from './RouteMap';

/** Roles that may book an itinerary (the server enforces the same list). */
const BOOKING_ROLES: readonly Role[] = ['trader', 'forwarder'];

function Results({ result, request }: { result: RouteSearchResult; request: RouteSearchRequest }) {
  const { t } = useTranslation();
  const me = useSession();
  const locations = useLocationIndex();
  const countries = useCountries('all');
  const [selected, setSelected] = useState(0);
  const [booking, setBooking] = useState<number | null>(null);
  const mayBook = BOOKING_ROLES.includes(me.user.role);
  const bookingItinerary = booking === null ? null : (result.itineraries[booking] ?? null);
  const best = useMemo(() => highlights(result.itineraries), [result.itineraries]);
  const itinerary = result.itineraries[selected] ?? null;

  if (result.itineraries.length === 0) {
    return (
      <Card variant="borderless" className="section-card" data-testid="planner-results">
        <Result
          status="warning"
          title={<span data-testid="planner-results-title">{t('logistics.results.emptyTitle')}</span>}
          subTitle={<span data-testid="planner-empty-reason">{result.reason?.message}</span>}
        />
      </Card>
    );
  }

  return (
    <div data-testid="planner-results">
      <Card
        title={
          <span data-testid="planner-results-title">
            {t('logistics.results.title', { count: result.itineraries.length })}
          </span>
        }
        variant="borderless"
        className="section-card"
      >
        {result.truncated ? (
          <Alert
            type="info"
            showIcon
            icon={<InfoCircleOutlined />}
            className="card-alert"
            title={t('logistics.results.truncated')}
            data-testid="planner-truncated"
          />
        ) : null}
        <ItineraryTable
          itineraries={result.itineraries}
          highlights={best}
          selected={selected}
          onSelect={setSelected}
          locations={locations}
          onBook={mayBook ? setBooking : undefined}
        />
        <BookingDrawer
          booking={bookingItinerary && booking !== null ? { itinerary: bookingItinerary, index: booking } : null}
          search={request}
          locations={locations}
          onClose={() => setBooking(null)}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('logistics.results.chartTitle')} variant="borderless" className="section-card">
            <ItineraryChart itineraries={result.itineraries} selected={selected} onSelect={setSelected} />
            <div className="chart-hint muted">{t('logistics.results.chartHint')}</div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('logistics.results.mapTitle', { n: String(selected + 1) })}
            variant="borderless"
            className="section-card map-card"
            extra={<ScoLegend />}
          >
            {countries.isPending ? (
              <Skeleton.Node active style={{ width: '100%', height: 420 }} />
            ) : (
              <RouteMap itinerary={itinerary} locations={locations} countries={countries.data ?? []} />
            )}
            <div className="map-hint">{t('logistics.results.mapHint')}</div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The planner: the search form, then the options as a table, a time/cost/CO2 chart and a map. */
export function RoutePlanner() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const search = useRouteSearch();
  const [request, setRequest] = useState<RouteSearchRequest | null>(null);
  const { mutate } = search;

  // Service names and the no-route reason come back in the request's language: ask again on a switch.
  const askedIn = useRef(language);
  useEffect(() => {
    if (askedIn.current === language) return;
    askedIn.current = language;
    if (request) mutate(request);
  }, [language, request, mutate]);

  const onSearch = (next: RouteSearchRequest) => {
    askedIn.current = language;
    setRequest(next);
    search.mutate(next);
  };

  return (
    <>
      <PlannerForm onSearch={onSearch} searching={search.isPending} error={search.error} />
      {search.isPending && !search.data ? (
        <Card variant="borderless" className="section-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : search.data && search.variables && !search.isError ? (
        // A new answer starts with its first option selected; booking sends back the search it answered.
        <Results key={search.submittedAt} result={search.data} request={search.variables} />
      ) : !search.isError ? (
        <Card variant="borderless" className="section-card">
          <Empty description={t('logistics.planner.idle')} data-testid="planner-idle" />
        </Card>
      ) : null}
    </>
  );
}
