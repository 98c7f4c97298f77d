import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useCall } from '../../state/use-call';
import { ReceiptImage } from './ReceiptPreview';

/**
 * Look up any past receipt by what is printed on it (`R1-000042`, a practice `R1-T-000003`, or just `42`) or by scanning its
 * QR code, see it as printed, and print a duplicate. Main reads the code.
 */
export function ReceiptsSection() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const lookupCall = useCall('receipt.preview');
  const reprinting = useCall('receipt.reprint');
  const [notice, setNotice] = useState<string | null>(null);
  const preview = lookupCall.value;

  const lookup = async (event: FormEvent) => {
    event.preventDefault();
    reprinting.reset();
    setNotice(null);
    const code = number.trim();
    // A failed lookup leaves nothing of the last receipt on screen: a reprint must not go to the wrong one.
    if (code === '') return lookupCall.reset();
    await lookupCall.run({ code, copyNo: 0 });
  };

  const reprint = async () => {
    if (!preview) return;
    const result = await reprinting.run({ saleId: preview.saleId });
    if (!result.ok) return;
    setNotice(t('printing.reprinted', { copy: result.value.copyNo }));
    // Show the duplicate just queued, marked as it is on paper (by id: a practice receipt's number is of its own series).
    await lookupCall.run({ saleId: preview.saleId, copyNo: result.value.copyNo });
  };

  return (
    <div className="printing-receipts">
      <form className="printing-lookup" onSubmit={(e) => void lookup(e)}>
        <label className="field">
          <span>{t('printing.lookup.label')}</span>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="R1-000001" autoComplete="off" data-testid="receipt-lookup" />
        </label>
        <button type="submit" className="button" data-testid="receipt-lookup-submit">
          {t('printing.lookup.submit')}
        </button>
      </form>
      <ErrorNote error={reprinting.error ?? lookupCall.error} />
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
