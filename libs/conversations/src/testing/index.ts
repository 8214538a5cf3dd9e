/** The conversations module's in-memory ports, for specs only. */
export { InMemoryConversations } from './in-memory-conversations';
