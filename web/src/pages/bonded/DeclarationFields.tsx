import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DomesticDeclaration } from '../../api/bonded';
import { useCountries } from '../../api/hooks';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

/** The header of an import declaration as the form holds it (under the form field `declaration`). */
export interface DeclarationValues {
  supervisionMode?: string;
  foreignName?: string;
  foreignCountry?: string;
  tradeCountry?: string;
  originCountry?: string;
}

/** Supervision modes offered for a sale into China from the zone (the server accepts the full list). */
const DOMESTIC_SALE_MODES = ['0110', '0214', '0615'] as const;
const COUNTRY_FIELDS = ['foreignCountry', 'tradeCountry', 'originCountry'] as const;

/** Where the server names a declaration field (without `body.`), the form field that shows it. */
const SERVER_PATHS: Record<keyof DeclarationValues, string> = {
  foreignName: 'declaration.foreignParty.name',
  foreignCountry: 'declaration.foreignParty.country',
  tradeCountry: 'declaration.tradeCountry',
  originCountry: 'declaration.originCountry',
  supervisionMode: 'declaration.supervisionMode',
};
const PLACED = new Set(Object.values(SERVER_PATHS));

export function isDeclarationField(path: string): boolean {
  return PLACED.has(path);
}

/** The request's `declaration` from the form's values and the lines it covers (second quantities by item). */
export function declarationBody(
  values: DeclarationValues,
  lines: readonly { itemNo: number; secondQuantity?: string | undefined }[],
): DomesticDeclaration {
  return {
    supervisionMode: values.supervisionMode ?? '0110',
    foreignParty: { name: (values.foreignName ?? '').trim(), country: values.foreignCountry ?? '' },
    tradeCountry: values.tradeCountry ?? '',
    originCountry: values.originCountry ?? '',
    lines: lines.map((line) => ({
      itemNo: line.itemNo,
      ...(line.secondQuantity?.trim() ? { secondQuantity: line.secondQuantity.trim() } : {}),
    })),
  };
}

type FieldStatus = { validateStatus?: 'error'; help?: string };

/**
 * The import declaration's header (a sale into China: a direct second-line exit, or a consolidated
 * declaration's filing): foreign seller, supervision mode and the three countries. The items,
 * quantities and prices come from the book, so they are not asked for.
 */
export function DeclarationFields({
  at,
  testIdPrefix = 'list',
}: {
  at: (path: string) => FieldStatus;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const countries = useCountries('all');
  const countryOptions = (countries.data ?? [])
    .map((c) => ({ value: c.alpha2, label: `${localName(c.names, language)} (${c.alpha2})` }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const required = { required: true, message: t('bonded.form.required') };
  return (
    <fieldset className="declaration-fields" data-testid={`${testIdPrefix}-declaration`}>
      <legend>{t('bonded.fileList.declaration')}</legend>
      <div className="muted card-subtitle">{t('bonded.fileList.declarationHelp')}</div>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['declaration', 'foreignName']}
            label={t('bonded.fileList.foreignParty')}
            rules={[required]}
            {...at(SERVER_PATHS.foreignName)}
          >
            <Input maxLength={140} data-testid={`${testIdPrefix}-foreign-name`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['declaration', 'supervisionMode']}
            label={t('bonded.fileList.supervisionMode')}
            {...at(SERVER_PATHS.supervisionMode)}
          >
            <Select
              options={DOMESTIC_SALE_MODES.map((value) => ({ value, label: value }))}
              data-testid={`${testIdPrefix}-supervision-mode`}
            />
          </Form.Item>
        </Col>
        {COUNTRY_FIELDS.map((name) => (
          <Col xs={24} md={8} key={name}>
            <Form.Item
              name={['declaration', name]}
              label={t(`bonded.fileList.${name}`)}
              rules={[required]}
              {...at(SERVER_PATHS[name])}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={countryOptions}
                popupMatchSelectWidth={false}
                data-testid={`${testIdPrefix}-${name}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </fieldset>
  );
}
