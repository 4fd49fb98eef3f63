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
import type { DocumentStatus, DocumentVerification, PdfCheck } from '../../api/types';
import { LanguageSegmented } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant, formatNumber } from '../logistics/model';
import { ShipmentStatusTag } from '../logistics/ShipmentTags';
import './verify.css';

/** Issued in green, superseded in orange, cancelled in red: readable at a glance at a border post. */
const STATUS_LOOK: Record<DocumentStatus, { color: string; icon: ReactNode }> = {
  issued: { color: 'green', icon: <CheckCircleFilled /> },
  superseded: { color: 'orange', icon: <ClockCircleFilled /> },
  cancelled: { color: 'red', icon: <StopFilled /> },
};

function DocumentCard({ doc }: { doc: DocumentVerification }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card variant="borderless" className="verify-card" data-testid="verify-document">
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
      <div className="verify-fingerprint">
        <div className="verify-label">{t('verify.fingerprint')}</div>
        {doc.sha256 ? (
          <Typography.Text className="mono verify-sha256" copyable data-testid="verify-sha256">
            {doc.sha256}
          </Typography.Text>
        ) : (
          <span className="muted" data-testid="verify-sha256">
            {t('verify.fingerprintPending')}
          </span>
        )}
      </div>
    </Card>
  );
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
  const same = result.document.number === doc.number && result.document.version === doc.version;
  const detail = t('verify.genuineDetail', {
    file: fileName,
    number: result.document.number,
    version: String(result.document.version),
  });
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
 * The address in a bill of lading's QR code: anyone holding the paper (a bank, a border post) sees
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
            <Typography.Text type="secondary">{t('verify.subtitle')}</Typography.Text>
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
