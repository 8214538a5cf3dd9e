/** The insights module's in-memory read models, for specs only. */
export { InMemoryFeedback, InMemoryUsage } from './in-memory-read-models';
