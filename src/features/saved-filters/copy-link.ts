/**
 * Copies a link, or says why not: the async Clipboard API exists only in
 * secure contexts (https, localhost, 127.0.0.1) and may be refused; the
 * link is then shown to copy by hand.
 */
export async function copyLink(link: string): Promise<string> {
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  if (!globalThis.isSecureContext || clipboard === undefined || typeof clipboard.writeText !== 'function') {
    return `No clipboard here (the page is not https or localhost): copy the link by hand: ${link}`;
  }
  try {
    await clipboard.writeText(link);
    return 'Link copied.';
  } catch (error) {
    return `Copy refused (${error instanceof Error ? error.message : String(error)}): copy the link by hand: ${link}`;
  }
}
