import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { InputRef } from 'antd';
import { Alert, Button, Input, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret the server shows exactly once (API key, webhook secret): a warning, the value and a copy button. */
export function SecretOnce({ value, warning, usage }: { value: string; warning: string; usage?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<InputRef>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (plain http, permissions): select the text for Ctrl+C instead.
      inputRef.current?.select();
    }
  };

  return (
    <div className="secret-once">
      <Alert type="warning" showIcon title={warning} className="card-alert" />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={inputRef}
          readOnly
          value={value}
          className="mono"
          data-testid="secret-value"
          onFocus={(e) => e.target.select()}
        />
        <Button type="primary" icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Space.Compact>
      {usage ? <div className="secret-usage">{usage}</div> : null}
    </div>
  );
}
