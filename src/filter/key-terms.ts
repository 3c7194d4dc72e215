/**
 * Filter terms decided by the routing key and exchange alone, which the view
 * asks once per distinct (exchange, routing key) pair.
 */
import { compileTopicPattern } from './topic.ts';

/** Decides on a routing key (with its exchange); the view asks it once per distinct pair. */
export type KeyPredicate = (exchange: string, routingKey: string) => boolean;

export function topicPredicate(pattern: string): KeyPredicate {
  const matches = compileTopicPattern(pattern);
  return (_exchange, routingKey) => matches(routingKey);
}

export function substringPredicate(text: string): KeyPredicate {
  const needle = text.toLowerCase();
  if (needle === '') return () => true;
  return (_exchange, routingKey) => routingKey.toLowerCase().includes(needle);
}

export function regexKeyPredicate(regex: RegExp): KeyPredicate {
  return (_exchange, routingKey) => regex.test(routingKey);
}

export function allOf<A extends unknown[]>(predicates: readonly ((...args: A) => boolean)[]): (...args: A) => boolean {
  const [only] = predicates;
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1 && only !== undefined) return only;
  return (...args) => {
    for (const predicate of predicates) if (!predicate(...args)) return false;
    return true;
  };
}

export function anyOf<A extends unknown[]>(predicates: readonly ((...args: A) => boolean)[]): (...args: A) => boolean {
  const [only] = predicates;
  if (predicates.length === 1 && only !== undefined) return only;
  return (...args) => {
    for (const predicate of predicates) if (predicate(...args)) return true;
    return false;
  };
}
