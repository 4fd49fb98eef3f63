import { SwapOutlined, TruckOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegMode } from '../../api/types';
import { MODE_COLORS } from './model';

// The icon set has a truck but no train, ship or plane; these are drawn in its 1024 grid and style.
function RailIcon() {
  return (
    <svg viewBox="0 0 1024 1024" width="1em" height="1em" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="72" strokeLinecap="round" strokeLinejoin="round">
        <rect x="240" y="96" width="544" height="600" rx="120" />
        <path d="M240 408h544M360 696 256 928M664 696l104 232" />
      </g>
      <circle cx="384" cy="560" r="44" fill="currentColor" />
      <circle cx="640" cy="560" r="44" fill="currentColor" />
    </svg>
  );
}

function SeaIcon() {
  return (
    <svg viewBox="0 0 1024 1024" width="1em" height="1em" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="72" strokeLinejoin="round">
        <path d="M112 576h800l-120 280H232z" />
        <path d="M320 576V344h384v232M464 344V176h128v168" />
      </g>
    </svg>
  );
}

function AirIcon() {
  return (
    <svg viewBox="0 0 1024 1024" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M512 80c44 0 64 64 64 120v200l336 208v88L576 592v184l104 80v80l-168-48-168 48v-80l104-80V592L112 696v-88l336-208V200c0-56 20-120 64-120z"
      />
    </svg>
  );
}

const MODE_ICONS: Record<LegMode, ReactNode> = {
  rail: <RailIcon />,
  sea: <SeaIcon />,
  road: <TruckOutlined />,
  air: <AirIcon />,
  drayage: <SwapOutlined />,
};

export function ModeIcon({ mode }: { mode: LegMode }) {
  return <span className="mode-icon anticon">{MODE_ICONS[mode]}</span>;
}

/** A mode of carriage as a coloured tag with its icon, the same colour as on the chart and map. */
export function ModeTag({ mode }: { mode: LegMode }) {
  const { t } = useTranslation();
  return (
    <Tag color={MODE_COLORS[mode]} className="mode-tag" data-mode={mode}>
      <ModeIcon mode={mode} /> {t(`logistics.modes.${mode}`)}
    </Tag>
  );
}
