import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, ReceiptPreviewView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { api } from '../../transport/api';
import { ReceiptImage } from './ReceiptPreview';

/** Look up any past receipt by its number, see it as printed, and print a duplicate. */
export function ReceiptsSection() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [preview, setPreview] = useState<ReceiptPreviewView | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async (receiptNo: number, copyNo = 0) => {
    const result = await api.invoke('receipt.preview', { receiptNo, copyNo });
    if (!result.ok) {
      setPreview(null);
      return setError(result.error);
    }
    setPreview(result.value);
  };

  const lookup = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const receiptNo = Number(number.trim());
    if (!Number.isInteger(receiptNo) || receiptNo < 1) return setError({ code: 'receipt.not_found', params: { receiptNo: number } });
    await load(receiptNo);
  };

  const reprint = async () => {
    if (!preview) return;
    setError(null);
    const result = await api.invoke('receipt.reprint', { saleId: preview.saleId });
    if (!result.ok) return setError(result.error);
    setNotice(t('printing.reprinted', { copy: result.value.copyNo }));
    // Show the duplicate just queued, marked as it is on paper.
    if (preview.receiptNo !== null) await load(preview.receiptNo, result.value.copyNo);
  };

  return (
    <div className="printing-receipts">
      <form className="printing-lookup" onSubmit={(e) => void lookup(e)}>
        <label className="field">
          <span>{t('printing.lookup.label')}</span>
          <input value={number} onChange={(e) => setNumber(e.target.value)} inputMode="numeric" autoComplete="off" data-testid="receipt-lookup" />
        </label>
        <button type="submit" className="button" data-testid="receipt-lookup-submit">
          {t('printing.lookup.submit')}
        </button>
      </form>
      <ErrorNote error={error} />
      <Notice message={notice} />
      {preview && (
        <>
          <div className="printing-actions">
            <button type="button" className="button button--primary" onClick={() => void reprint()} data-testid="reprint">
              {t('printing.reprint')}
            </button>
            <span className="muted" data-testid="reprint-count">
              {t('printing.reprints', { count: preview.reprints })}
            </span>
          </div>
          <ReceiptImage preview={preview} />
        </>
      )}
    </div>
  );
}
