/**
 * Imported messages keep the subscription they were captured under. The
 * page's store knows only its own subscriptions: a line whose subscription
 * is one of them is ingested under its id (same tag colour, same series), any
 * other under an id of its own that no store subscription can take (the
 * store numbers its ids sub-1, sub-2, ...).
 */
const IMPORTED_PREFIX = 'file:';

export function importedSubscriptionId(subscription: string): string {
  return `${IMPORTED_PREFIX}${subscription}`;
}

/** The subscription a message was imported under, or null when it was not imported that way. */
export function importedSubscriptionOf(subscriptionId: string): string | null {
  return subscriptionId.startsWith(IMPORTED_PREFIX) ? subscriptionId.slice(IMPORTED_PREFIX.length) : null;
}
