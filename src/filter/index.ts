/**
 * The filter engine: AMQP topic matching that reproduces RabbitMQ 3.10, the
 * filter box's query language, and the per-(exchange, key) verdict memo the
 * table re-filters through.
 *
 * @module
 */
export { topicMatches, compileTopicPattern, hasTopicWildcard, type TopicMatcher } from './topic.ts';
export { parseFilterQuery, MATCH_ALL_FILTER, type CompiledFilter, type FilterParseResult } from './query.ts';
export { RoutingKeyMatchCache, type RoutingKeyMatchCacheOptions } from './routing-key-index.ts';
