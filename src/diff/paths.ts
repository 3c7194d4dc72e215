/**
 * Paths in the notation of the filter's field terms: `$.customer.country`,
 * `$.lines[2].sku`, and `$["a key"]` for a key that is not an identifier.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The root of a structured body. */
export const ROOT_PATH = '$';

/** `parent` followed by the object key `key`. */
export function keyPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** `parent` followed by the array index `index`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}
