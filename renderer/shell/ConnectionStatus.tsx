import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/carrier';

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <div className={`conn conn--${state}`} data-testid="connection-status" data-state={state} role="status">
      <span className="conn__dot" aria-hidden="true" />
      <span className="conn__label">{t(`connection.${state}`)}</span>
    </div>
  );
}
