/**
 * A link that reproduces a filtered view on another machine, where the
 * saved list is absent: it carries the filter text itself (`?filter=`) and
 * the subscriptions (`?sub=`), plus where to connect when the page was
 * opened with it (`broker`, every one of them when a cluster's nodes were
 * given, in order; `vhost`, `login`, `durable`; never a passcode).
 * Not a saved filter's name: the other machine would not know it.
 */
const KEPT_PARAMS = ['broker', 'vhost', 'login', 'durable'];

export function shareLink(pageHref: string, filter: string, subscriptions: readonly string[]): string {
  const page = new URL(pageHref);
  const link = new URL(page.pathname, page.origin);
  for (const name of KEPT_PARAMS) {
    for (const value of page.searchParams.getAll(name)) link.searchParams.append(name, value);
  }
  for (const destination of new Set(subscriptions)) link.searchParams.append('sub', destination);
  if (filter !== '') link.searchParams.set('filter', filter);
  return link.href;
}
