import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';

/** Until the register's open sale is loaded: a word that it is coming, or why it could not be. */
export function SaleLoading({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  return error ? <ErrorNote error={error} /> : <p className="muted loading">{t('app.loading')}</p>;
}
