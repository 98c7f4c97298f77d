import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptPreviewView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';
import '../../styles/printing.css';

/** SVG as a data: URL; the CSP allows images from data: but no inline markup, and an <img> runs no script. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The receipt as main lays it out for the printer: what the customer gets on paper. */
export function ReceiptImage({ preview }: { preview: ReceiptPreviewView }) {
  const { t } = useTranslation();
  return (
    <figure className="receipt-preview" data-testid="receipt-preview">
      <img src={svgDataUrl(preview.svg)} alt={t('printing.previewAlt', { receiptNo: preview.receiptNo ?? '' })} />
    </figure>
  );
}

/** Loads and shows a completed sale's receipt. */
export function ReceiptPreview({ saleId }: { saleId: string }) {
  const { run: loadPreview, value: preview, error } = useCall('receipt.preview');

  useEffect(() => void loadPreview({ saleId }), [loadPreview, saleId]);

  if (!preview) return <ErrorNote error={error} />;
  return <ReceiptImage preview={preview} />;
}
