// Page geometry (twentieths of a point): A4, 2 cm margins, 17 cm of text.
export const TEXT_WIDTH = 9638;
export const RECIPIENT_INDENT = 5103; // 9 cm: the address sits in the window of a DL envelope
export const INVOICE_COLUMNS = [1450, 1250, 1250, 1500, 1400, 2788];
