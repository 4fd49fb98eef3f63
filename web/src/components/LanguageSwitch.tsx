import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Dropdown, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';

/** Each language is always named in itself, so a user lost in a foreign UI can still find theirs. */
const OWN_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

export function LanguageSegmented() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={(value) => void setLanguage(value)}
      options={LANGUAGES.map((value) => ({ value, label: OWN_NAMES[value] }))}
    />
  );
}

export function LanguageDropdown() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((value) => ({ key: value, label: OWN_NAMES[value] })),
        onClick: ({ key }) => void setLanguage(key as Language),
      }}
    >
      <button type="button" className="header-button" aria-label={t('language.label')} data-testid="language-menu">
        <GlobalOutlined />
        <span>{OWN_NAMES[language]}</span>
        <DownOutlined className="header-button-caret" />
      </button>
    </Dropdown>
  );
}
