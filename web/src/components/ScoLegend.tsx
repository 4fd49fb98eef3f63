import { useTranslation } from 'react-i18next';
import { SCO_STATUSES } from '../api/types';
import { SCO_AREA_COLORS } from './worldMap';

/** The key to the SCO shading of the world map, for a card's `extra`. */
export function ScoLegend() {
  const { t } = useTranslation();
  return (
    <div className="sco-legend">
      {SCO_STATUSES.map((status) => (
        <span key={status} className="sco-legend-item">
          <span className="sco-swatch" style={{ background: SCO_AREA_COLORS[status] }} />
          {t(`scoStatus.${status}`)}
        </span>
      ))}
    </div>
  );
}
