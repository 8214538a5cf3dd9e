import type { paths } from './schema';

// Every request and response type is read off the generated OpenAPI paths, so a change on
// the server shows up here as a type error instead of a silent mismatch.
type Method = 'get' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type EventsOf<R> = R extends { content: { 'text/event-stream': infer Events } } ? Events : never;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

type ResponseOf<P extends keyof paths, M extends Method, S extends keyof Responses<P, M> = 200 & keyof Responses<P, M>> = JsonOf<Responses<P, M>[S]>;
type RequestOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

type ConversationDetail = ResponseOf<'/api/v1/conversations/{id}', 'get'>;
export type Attachment = ConversationDetail['attachments'][number];
export type StoredMessage = ConversationDetail['messages'][number];
export type Citation = NonNullable<StoredMessage['citations']>[number];
export type ChatRequest = RequestOf<'/api/v1/chat', 'post'>;
export type ChatFilters = NonNullable<ChatRequest['filters']>;
export type FeedbackRequest = RequestOf<'/api/v1/chat/{assistantMessageId}/feedback', 'post'>;
export type FileRecord = ResponseOf<'/api/v1/files/{id}', 'get'>;
export type FileStatus = FileRecord['status'];
export type Department = ResponseOf<'/api/v1/org/departments', 'get'>[number];
export type UserRecord = ResponseOf<'/api/v1/org/users', 'get'>['items'][number];
export type CreateUserRequest = RequestOf<'/api/v1/org/users', 'post'>;
export type UpdateUserRequest = RequestOf<'/api/v1/org/users/{id}', 'patch'>;
export type AuditEntry = ResponseOf<'/api/v1/admin/audit', 'get'>['items'][number];
export type AuditAction = AuditEntry['action'];
export type Role = UserRecord['role'];

/** The SSE events of POST /chat and GET /files/:id/events, as `{event, data}`. */
type EventAndData<U> = U extends { event: infer E; data: infer D } ? { event: E; data: D } : never;
export type ChatEvent = EventAndData<EventsOf<Responses<'/api/v1/chat', 'post'>[200 & keyof Responses<'/api/v1/chat', 'post'>]>>;
export type FileEvent = EventAndData<EventsOf<Responses<'/api/v1/files/{id}/events', 'get'>[200 & keyof Responses<'/api/v1/files/{id}/events', 'get'>]>>;
export type RatedAnswer = ResponseOf<'/api/v1/admin/feedback', 'get'>['items'][number];
export type UsageReport = ResponseOf<'/api/v1/admin/usage', 'get'>;
export type UsageRow = UsageReport['rows'][number];
