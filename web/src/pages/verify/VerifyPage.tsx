import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  FilePdfOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  StopFilled,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Tag, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCheckPdf, useDocumentVerification } from '../../api/shipments';
import type {
  BillOfLadingVerification,
  DocumentStatus,
  DocumentVerification,
  PdfCheck,
  ReleaseNoteVerification,
} from '../../api/types';
import { LanguageSegmented } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant, formatMoney, formatNumber } from '../logistics/model';
import { ShipmentStatusTag } from '../logistics/ShipmentTags';
import './verify.css';

/** Issued in green, superseded in orange, cancelled in red: readable at a glance at a border post. */
const STATUS_LOOK: Record<DocumentStatus, { color: string; icon: ReactNode }> = {
  issued: { color: 'green', icon: <CheckCircleFilled /> },
  superseded: { color: 'orange', icon: <ClockCircleFilled /> },
  cancelled: { color: 'red', icon: <StopFilled /> },
};

/** The SHA-256 of the issued PDF, or a note that it has not been rendered yet. */
function Fingerprint({ sha256 }: { sha256: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="verify-fingerprint">
      <div className="verify-label">{t('verify.fingerprint')}</div>
      {sha256 ? (
        <Typography.Text className="mono verify-sha256" copyable data-testid="verify-sha256">
          {sha256}
        </Typography.Text>
      ) : (
        <span className="muted" data-testid="verify-sha256">
          {t('verify.fingerprintPending')}
        </span>
      )}
    </div>
  );
}

function BillOfLadingCard({ doc }: { doc: BillOfLadingVerification }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card variant="borderless" className="verify-card" data-testid="verify-document" data-kind={doc.kind}>
      <div className="verify-doc-head">
        <div>
          <div className="verify-doc-kind">
            {t('verify.document', { number: doc.number, version: String(doc.version) })}
          </div>
          <div className="verify-status-line">
            <Tag
              color={STATUS_LOOK[doc.status].color}
              icon={STATUS_LOOK[doc.status].icon}
              variant="solid"
              className="verify-status-tag"
              data-status={doc.status}
              data-testid="verify-status"
            >
              {t(`shipment.documentStatuses.${doc.status}`)}
            </Tag>
            <span className="verify-status-text">{t(`verify.statusText.${doc.status}`)}</span>
          </div>
        </div>
      </div>
      <Descriptions size="small" column={1} className="verify-fields" bordered>
        <Descriptions.Item label={t('verify.shipper')}>{doc.shipper}</Descriptions.Item>
        <Descriptions.Item label={t('verify.consignee')}>{doc.consignee}</Descriptions.Item>
        <Descriptions.Item label={t('verify.origin')}>{doc.origin}</Descriptions.Item>
        <Descriptions.Item label={t('verify.destination')}>{doc.destination}</Descriptions.Item>
        <Descriptions.Item label={t('verify.containers')}>
          {doc.containers.length > 0 ? (
            <span className="mono">{doc.containers.join(', ')}</span>
          ) : (
            <span className="muted">{t('verify.noContainers')}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.packages')}>
          <span className="num">{formatNumber(doc.packages, language)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.grossWeight')}>
          <span className="num">
            {t('verify.weightValue', { value: formatNumber(doc.grossWeightKg, language, 3, 0) })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.issuedAt')}>{formatInstant(doc.issuedAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('verify.shipmentStatus')}>
          <ShipmentStatusTag status={doc.shipmentStatus} />
        </Descriptions.Item>
      </Descriptions>
      <Fingerprint sha256={doc.sha256} />
    </Card>
  );
}

/** A customs release note of the trade centre: the declaration, its parties and totals, no prices per item. */
function ReleaseNoteCard({ doc }: { doc: ReleaseNoteVerification }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card variant="borderless" className="verify-card" data-testid="verify-document" data-kind={doc.kind}>
      <div className="verify-doc-head">
        <div>
          <div className="verify-doc-kind">
            {t('verify.releaseNote.title')} <span className="mono">{doc.number}</span>
          </div>
          <div className="verify-status-line">
            <Tag
              color={STATUS_LOOK[doc.status].color}
              icon={STATUS_LOOK[doc.status].icon}
              variant="solid"
              className="verify-status-tag"
              data-status={doc.status}
              data-testid="verify-status"
            >
              {t(`shipment.documentStatuses.${doc.status}`)}
            </Tag>
            <span className="verify-status-text">{t(`verify.releaseNote.statusText.${doc.status}`)}</span>
          </div>
        </div>
      </div>
      <Descriptions size="small" column={1} className="verify-fields" bordered>
        <Descriptions.Item label={t('verify.releaseNote.declarationNumber')}>
          <span className="mono">{doc.declarationNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.direction')}>
          {t(`verify.releaseNote.directions.${doc.direction}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.declarant')}>{doc.declarant}</Descriptions.Item>
        <Descriptions.Item label={t(`verify.releaseNote.foreignParty.${doc.direction}`)}>
          {doc.foreignParty}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.tradeCountry')}>{doc.tradeCountry}</Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.blNumber')}>
          {doc.blNumber ? (
            <span className="mono">{doc.blNumber}</span>
          ) : (
            <span className="muted">{t('verify.releaseNote.noBl')}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.itemCount')}>
          <span className="num">{formatNumber(doc.itemCount, language)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.customsValue')}>
          {doc.customsValueCny === null ? (
            <span className="muted">{t('verify.releaseNote.notAssessed')}</span>
          ) : (
            <span className="num">{formatMoney({ amount: doc.customsValueCny, currency: 'CNY' }, language)}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.releaseNote.releasedAt')}>
          {formatInstant(doc.issuedAt, language)}
        </Descriptions.Item>
      </Descriptions>
      <Fingerprint sha256={doc.sha256} />
    </Card>
  );
}

function DocumentCard({ doc }: { doc: DocumentVerification }) {
  return doc.kind === 'bill_of_lading' ? <BillOfLadingCard doc={doc} /> : <ReleaseNoteCard doc={doc} />;
}

/** Whether two views are the same issued document (for a bill, the same version of it). */
function sameDocument(a: DocumentVerification, b: DocumentVerification): boolean {
  if (a.kind === 'bill_of_lading' && b.kind === 'bill_of_lading')
    return a.number === b.number && a.version === b.version;
  return a.kind === b.kind && a.number === b.number;
}

function CheckResult({ result, doc, fileName }: { result: PdfCheck; doc: DocumentVerification; fileName: string }) {
  const { t } = useTranslation();
  if (!result.match || !result.document) {
    return (
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleFilled />}
        className="verify-result"
        title={t('verify.mismatch')}
        description={
          <div>
            <div>{t('verify.mismatchDetail', { file: fileName })}</div>
            <div className="mono verify-result-hash">{result.sha256}</div>
          </div>
        }
        data-testid="verify-result"
        data-match="false"
      />
    );
  }
  const same = sameDocument(result.document, doc);
  const detail =
    result.document.kind === 'bill_of_lading'
      ? t('verify.genuineDetail', {
          file: fileName,
          number: result.document.number,
          version: String(result.document.version),
        })
      : t('verify.releaseNote.genuineDetail', { file: fileName, number: result.document.number });
  return (
    <Alert
      type={same ? 'success' : 'warning'}
      showIcon
      icon={same ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
      className="verify-result"
      title={same ? t('verify.genuine') : t('verify.otherDocument')}
      description={detail}
      data-testid="verify-result"
      data-match={same ? 'true' : 'other'}
    />
  );
}

/**
 * The address in the QR code of a bill of lading or a customs release note: anyone holding the paper (a bank, a border post) sees
 * what was issued and its fingerprint, and can check a PDF file byte for byte, without an account.
 */
export function VerifyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const verification = useDocumentVerification(token);
  const check = useCheckPdf();
  const [fileName, setFileName] = useState('');
  const notFound = verification.error instanceof ApiError && [400, 404].includes(verification.error.status);

  return (
    <div className="verify-page" data-testid="verify-page">
      <header className="verify-header">
        <div className="verify-brand">
          <Logo size={34} />
          <div>
            <div className="verify-brand-name">{t('app.name')}</div>
            <div className="verify-brand-zone">{t('app.zone')}</div>
          </div>
        </div>
        <div className="verify-header-actions">
          <LanguageSegmented />
          <Link to="/login" className="verify-sign-in">
            <LoginOutlined /> {t('verify.signIn')}
          </Link>
        </div>
      </header>
      <main className="verify-main">
        <div className="verify-title">
          <span className="verify-title-icon">
            <SafetyCertificateOutlined />
          </span>
          <div>
            <Typography.Title level={3} className="verify-heading">
              {t('verify.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {verification.data?.kind === 'customs_release_note'
                ? t('verify.releaseNote.subtitle')
                : t('verify.subtitle')}
            </Typography.Text>
          </div>
        </div>
        {notFound ? (
          <Card variant="borderless" className="verify-card">
            <Result status="404" title={t('verify.notFoundTitle')} subTitle={t('verify.notFoundText')} />
          </Card>
        ) : verification.isError ? (
          <ProblemAlert error={verification.error} onRetry={() => void verification.refetch()} />
        ) : !verification.data ? (
          <Card variant="borderless" className="verify-card">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        ) : (
          <>
            <DocumentCard doc={verification.data} />
            <Card variant="borderless" className="verify-card" title={t('verify.checkTitle')}>
              <p className="muted verify-help">{t('verify.checkHelp')}</p>
              <div data-testid="verify-upload">
                <Upload
                  accept="application/pdf,.pdf"
                  showUploadList={false}
                  maxCount={1}
                  beforeUpload={(file) => {
                    setFileName(file.name);
                    check.mutate(file);
                    // Never upload through the component: the file is posted as raw bytes above.
                    return false;
                  }}
                >
                  <Button icon={<FilePdfOutlined />} loading={check.isPending} size="large">
                    {check.isPending ? t('verify.checking') : t('verify.choose')}
                  </Button>
                </Upload>
              </div>
              {check.data && !check.isPending ? (
                <CheckResult result={check.data} doc={verification.data} fileName={fileName} />
              ) : null}
              {check.isError ? (
                <Alert
                  type="error"
                  showIcon
                  className="verify-result"
                  title={t('verify.checkFailed')}
                  description={problemText(check.error, t('errors.network')).title}
                />
              ) : null}
            </Card>
          </>
        )}
      </main>
      <footer className="verify-footer">{t('app.footer')}</footer>
    </div>
  );
}
