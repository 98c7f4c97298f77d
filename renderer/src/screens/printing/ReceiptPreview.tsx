import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptPreviewView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';
import '../../styles/printing.css';
import { receiptSvgElement } from './receipt-svg';

/**
 * The receipt as main lays it out for the printer: what the customer gets on paper. The SVG is put
 * in the page (cleaned, see receipt-svg.ts) rather than shown as an image, so its Chinese is set in
 * the shipped font.
 */
export function ReceiptImage({ preview }: { preview: ReceiptPreviewView }) {
  const { t } = useTranslation();
  const figure = useRef<HTMLElement>(null);
  const label = t('printing.previewAlt', { receiptNo: preview.receiptNo ?? '' });
  useEffect(() => {
    const svg = receiptSvgElement(preview.svg, document);
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', label);
    }
    figure.current?.replaceChildren(...(svg ? [svg] : []));
  }, [preview.svg, label]);
  return <figure className="receipt-preview" data-testid="receipt-preview" ref={figure} />;
}

/** Loads and shows a completed sale's receipt. */
export function ReceiptPreview({ saleId }: { saleId: string }) {
  const { run: loadPreview, value: preview, error } = useCall('receipt.preview');

  useEffect(() => void loadPreview({ saleId }), [loadPreview, saleId]);

  if (!preview) return <ErrorNote error={error} />;
  return <ReceiptImage preview={preview} />;
}
