/**
 * The filter engine: AMQP topic matching that reproduces RabbitMQ 3.10 and
 * the filter box's query language. The verdict memo per distinct routing key
 * lives with the ingest (RoutingKeyColumn), next to the messages it selects.
 *
 * @module
 */
export { topicMatches, compileTopicPattern, hasTopicWildcard, type TopicMatcher } from './topic.ts';
export { parseFilterQuery, MATCH_ALL_FILTER, type BodyPredicate, type CompiledFilter, type FilterParseResult, type KeyPredicate, type LinkTerm } from './query.ts';
