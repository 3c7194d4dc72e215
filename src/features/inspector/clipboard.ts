/**
 * Copying to the clipboard, with the reason when it cannot work. The async
 * Clipboard API exists only in secure contexts (https, localhost and
 * 127.0.0.1); a dashboard served over plain http on a LAN address has none.
 */

export type CopyOutcome = { ok: true } | { ok: false; reason: string };

export const CLIPBOARD_UNAVAILABLE =
  'Clipboard unavailable: the page is not served over https or from localhost. Select the text in the Text or Hex view and copy it with Ctrl+C.';

export async function copyToClipboard(text: string): Promise<CopyOutcome> {
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  if (!globalThis.isSecureContext || clipboard === undefined || typeof clipboard.writeText !== 'function') {
    return { ok: false, reason: CLIPBOARD_UNAVAILABLE };
  }
  try {
    await clipboard.writeText(text);
    return { ok: true };
  } catch (error) {
    // Usually a denied permission or a document without focus.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Copy failed: ${detail}` };
  }
}
