/**
 * The filter engine: AMQP topic matching that reproduces RabbitMQ 3.10 and
 * the filter box's query language. The verdict memo per distinct routing key
 * lives with the view (view/key-verdicts.ts), next to the messages it selects.
 *
 * @module
 */
export { topicMatches, compileTopicPattern, hasTopicWildcard, type TopicMatcher } from './topic.ts';
export {
  parseFilterQuery,
  MATCH_ALL_FILTER,
  type BodyPredicate,
  type CompiledFilter,
  type FilterGroup,
  type FilterParseResult,
  type KeyPredicate,
  type LinkTerm,
} from './query.ts';
export { BODY_TEXT_LIMIT_BYTES, bodyText, PROPERTY_NAMES, type MessagePredicate, type MessageReader } from './message-terms.ts';
export { formatPath, MAX_PATH_STEPS, parsePath, pathsIn, segmentText, type PathSegment, type PathStep } from './json-path.ts';
export type { TextSpan } from './query-tokenizer.ts';
export { suggest, completionAt, keyTerm, type CompletionKind, type Suggestion, type Vocabulary } from './completion.ts';
export { message as standaloneMessage, passes as standalonePasses } from './standalone.ts';
