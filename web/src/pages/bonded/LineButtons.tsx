import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The remove button at the end of a form line; the first line's carries the column's blank label. */
export function RemoveLineButton({ index, only, onRemove }: { index: number; only: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={index === 0 ? ' ' : undefined}>
      <Button
        type="text"
        icon={<MinusCircleOutlined />}
        disabled={only}
        aria-label={t('bonded.form.removeLine')}
        onClick={onRemove}
      />
    </Form.Item>
  );
}

/** The dashed button under a form's lines that adds one. */
export function AddLineButton({ onAdd, testId, children }: { onAdd: () => void; testId: string; children: ReactNode }) {
  return (
    <Button type="dashed" icon={<PlusOutlined />} className="add-row-button" onClick={onAdd} data-testid={testId}>
      {children}
    </Button>
  );
}
