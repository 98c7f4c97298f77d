// The screens' receipt numbers come from the receipt's own formatter, so they read as printed.
export { formatReceiptNo } from '../../../preload/contract/receipt-no';
