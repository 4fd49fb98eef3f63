import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomsCreditTier, Grade } from '../../api/registry';

/** Grade colours: green for A (green channel), blue B, orange C, red D. */
export const GRADE_COLOURS: Record<Grade, string> = { A: '#389e0d', B: '#1677ff', C: '#d46b08', D: '#cf1322' };

const TIER_COLOURS: Record<CustomsCreditTier, string> = {
  advanced_certified: 'green',
  certified: 'cyan',
  regular: 'default',
  discredited: 'orange',
  seriously_discredited: 'red',
};

export function TierTag({ tier }: { tier: CustomsCreditTier }) {
  const { t } = useTranslation();
  return <Tag color={TIER_COLOURS[tier]}>{t(`registry.tiers.${tier}`)}</Tag>;
}

export function GradeTag({ grade, score }: { grade: Grade; score?: number }) {
  return (
    <Tag color={GRADE_COLOURS[grade]} data-testid={`grade-tag-${grade}`}>
      {grade}
      {score === undefined ? '' : ` · ${score}`}
    </Tag>
  );
}
