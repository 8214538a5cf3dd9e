/**
 * Generated from the API's OpenAPI document (/api/v1/docs-json) by openapi-typescript.
 * Do not edit: run `npm run generate:api-types` after changing a route, DTO or view.
 */

export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Changes made by administrators and single sign-ons, newest first. Department admins read the entries about their departments. */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InsightsController_feedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use ticket that opens the queue dashboard in a browser tab
         * @description A browser tab cannot send the bearer token, so the web app asks for a ticket and opens `url`. The dashboard spends the ticket, sets an HttpOnly, SameSite=Strict session cookie scoped to its own path and redirects to itself. Every dashboard request (pages, its API, its assets) needs that cookie and an account that is still an active admin.
         */
        post: operations["QueueDashboardController_openSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InsightsController_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Also sets the refresh token as an HttpOnly cookie for browsers. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Ends the session of the body's refresh token, or else of the `refresh_token` cookie, and clears the cookie. */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The provider sends the browser back here. On success the refresh-token cookie is set and the browser goes to the web app, which calls `POST /auth/refresh` to get its access token. */
        get: operations["SsoController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Starts single sign-on: redirects the browser to the provider (authorization code with PKCE, state and nonce). */
        get: operations["SsoController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description How people may sign in here, for the sign-in page. */
        get: operations["SsoController_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Takes the refresh token from the body, or else from the `refresh_token` cookie, and answers a new pair (the cookie too). A refresh the cookie's token failed clears the cookie. */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChatController_chat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/{assistantMessageId}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChatController_feedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/{assistantMessageId}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChatController_regenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/{assistantMessageId}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChatController_stop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/{userMessageId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChatController_edit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConversationsController_list"];
        put?: never;
        post: operations["ConversationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConversationsController_get"];
        put?: never;
        post?: never;
        delete: operations["ConversationsController_delete"];
        options?: never;
        head?: never;
        patch: operations["ConversationsController_rename"];
        trace?: never;
    };
    "/api/v1/conversations/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AttachmentsController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConversationsController_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages/{messageId}/show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConversationsController_show"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_list"];
        put?: never;
        post: operations["FilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_get"];
        put?: never;
        post?: never;
        delete: operations["FilesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/reindex": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FilesController_reindex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/reembed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_reembedStatus"];
        put?: never;
        post: operations["FilesController_reembed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrgController_departments"];
        put?: never;
        /** @description Admins; department admins under a department of their subtree. */
        post: operations["OrgController_createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description Admins only. Only a department without users, files and sub-departments; the 409 names what is left in `details`. */
        delete: operations["OrgController_deleteDepartment"];
        options?: never;
        head?: never;
        /** @description Rename or move. Admins; department admins strictly inside their subtree, to a parent there. */
        patch: operations["OrgController_updateDepartment"];
        trace?: never;
    };
    "/api/v1/org/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Admins: everyone; department admins: the users of their subtree. */
        get: operations["OrgController_users"];
        put?: never;
        /** @description Admins; department admins in their subtree, never granting `admin`. */
        post: operations["OrgController_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Admins; department admins for users of their subtree (others are not found), never granting `admin` or moving anyone out of it. */
        patch: operations["OrgController_updateUser"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AnswerCountsView: {
            complete: number;
            failed: number;
            /** @description Cut short: the client left, or the server restarted */
            interrupted: number;
            /** @description Stopped at the asker’s request */
            stopped: number;
        };
        AnswerUsageView: {
            inputTokens: number;
            outputTokens: number;
            totalTokens: number;
        };
        AuditEntryPage: {
            items: components["schemas"]["AuditEntryView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        AuditEntryView: {
            /** @enum {string} */
            action: "user.created" | "user.updated" | "department.created" | "department.renamed" | "department.moved" | "department.deleted" | "file.uploaded" | "file.reindexed" | "file.deleted" | "corpus.reembed_requested" | "sso.signed_in" | "sso.refused";
            /**
             * Format: uuid
             * @description Who made the change; null for a refused single sign-on
             */
            actorId: string | null;
            /** Format: date-time */
            at: string;
            /** @description What changed, e.g. `{"changes": {"role": {"from": "member", "to": "department_admin"}}}` */
            detail: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @description The `x-request-id` of the request that made the change */
            requestId: string | null;
            /** @description The id of the user, department or file; for a refused sign-on, the provider’s subject */
            targetId: string;
            /** @enum {string} */
            targetType: "user" | "department" | "file" | "corpus" | "identity";
        };
        ChatCitationsEvent: {
            citations: components["schemas"]["CitationView"][];
        };
        ChatDoneEvent: {
            /** Format: uuid */
            assistantMessageId: string;
            /**
             * @description `stopped` after POST /chat/:id/stop
             * @enum {string}
             */
            finishReason: "stop" | "length" | "stopped";
            usage?: components["schemas"]["AnswerUsageView"];
        };
        ChatErrorEvent: {
            /** @example answer_generation_failed */
            code: string;
            message: string;
            requestId: string;
        };
        ChatFilters: {
            /** @description Only files of these departments (never widens what the caller may read) */
            departmentIds?: string[];
            /** @description Only these files (never widens what the caller may read) */
            fileIds?: string[];
        };
        ChatMetaEvent: {
            /**
             * Format: uuid
             * @description Stop, feedback and the stored answer use this id
             */
            assistantMessageId: string;
            /** Format: uuid */
            conversationId: string;
            /** Format: uuid */
            userMessageId: string;
        };
        ChatRequest: {
            /** @description Attachments of this conversation (POST /conversations/{id}/attachments) the question is about: recorded on the message; the answer waits a bounded time for any still being ingested */
            attachmentIds?: string[];
            /**
             * Format: uuid
             * @description Omit to start a new conversation titled from the message
             */
            conversationId?: string;
            filters?: components["schemas"]["ChatFilters"];
            message: string;
        };
        ChatStatusEvent: {
            detail?: string;
            /** @enum {string} */
            step: "reading_attachments" | "routing" | "planning" | "retrieving" | "evaluating" | "refining" | "web_search" | "generating";
        };
        ChatTokenEvent: {
            /** @description The next piece of the answer: plain text */
            text: string;
        };
        CitationView: {
            chunkId: string;
            /** @description The file id (for a web result: its URL) */
            fileId: string;
            /** @description Untrusted text: render as text */
            filename: string;
            n: number;
            /** @description Page of the chunk, where the document has pages */
            page: number | null;
            /** @description Relevance; higher is more relevant */
            score: number;
            /** @description Untrusted text from the document: render as text */
            snippet: string;
            /** @description Set for web results */
            url?: string;
        };
        ConversationDetailView: {
            /** @description Its attachments, oldest first, with their ingestion status (`visibility: "conversation"`) */
            attachments: components["schemas"]["FileView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            messageCount: number;
            /** @description The branch shown, oldest first; other versions are reached through siblingIds */
            messages: components["schemas"]["MessageView"][];
            /** @description null until the first message names it */
            title: string | null;
            /**
             * Format: date-time
             * @description Last activity
             */
            updatedAt: string;
        };
        ConversationPage: {
            items: components["schemas"]["ConversationView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        ConversationView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            messageCount: number;
            /** @description null until the first message names it */
            title: string | null;
            /**
             * Format: date-time
             * @description Last activity
             */
            updatedAt: string;
        };
        CreateConversationRequest: {
            /** @description 1–200 characters after trimming; titled from the first message when absent */
            title?: string;
        };
        CreateDepartmentRequest: {
            name: string;
            /** Format: uuid */
            parentId?: string;
        };
        CreateUserRequest: {
            /** Format: uuid */
            departmentId: string;
            displayName: string;
            email: string;
            password: string;
            /**
             * @description Only an admin grants `admin`
             * @enum {string}
             */
            role: "admin" | "department_admin" | "member";
        };
        DashboardTicketResponse: {
            /** @example 60 */
            expiresInSeconds: number;
            /** @description Single-use; spent by the first request that presents it */
            ticket: string;
            /**
             * @description Open this in a browser tab (same origin as the API)
             * @example /api/v1/admin/queues?ticket=…
             */
            url: string;
        };
        DeletedFileView: {
            /** @enum {boolean} */
            deleted: true;
            /** Format: uuid */
            id: string;
        };
        DepartmentRefView: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        DepartmentView: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * Format: uuid
             * @description null for a top-level department
             */
            parentId: string | null;
        };
        EditRequest: {
            filters?: components["schemas"]["ChatFilters"];
            /** @description The question as edited */
            message: string;
        };
        ErrorDetail: {
            /** @example title */
            field: string;
            /** @example must be at most 200 characters */
            problem: string;
        };
        ErrorResponse: {
            /**
             * @description Stable snake_case code to switch on
             * @example conversation_not_found
             */
            code: string;
            /** @description Validation errors: one entry per problem */
            details?: components["schemas"]["ErrorDetail"][];
            /**
             * @description The status text
             * @example Not Found
             */
            error: string;
            /** @description For people; may change between versions */
            message: string;
            /** @description The same id as the x-request-id header and the log lines of the request */
            requestId: string;
            /** @example 404 */
            statusCode: number;
        };
        FeedbackRequest: {
            comment?: string;
            /** @enum {string} */
            rating: "up" | "down";
        };
        FeedbackView: {
            /** Format: uuid */
            assistantMessageId: string;
            comment: string | null;
            /** @enum {string} */
            rating: "up" | "down";
            /** Format: date-time */
            updatedAt: string;
        };
        FileErrorView: {
            /** @example unreadable_document */
            code: string;
            message: string;
        };
        FilePage: {
            items: components["schemas"]["FileView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        FileView: {
            chunkCount: number;
            /**
             * Format: uuid
             * @description An attachment’s conversation
             */
            conversationId?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            departmentId: string;
            /** @description Why it failed, when failed */
            error?: components["schemas"]["FileErrorView"];
            /** @description As uploaded (UTF-8); untrusted text: render as text */
            filename: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Last sign of life while processing
             */
            lastProgressAt?: string;
            /**
             * @description Read from the bytes
             * @example application/pdf
             */
            mimeType: string;
            pageCount: number | null;
            progress: number;
            /** Format: date-time */
            readyAt?: string;
            /** @description Whether chat answers from the file now: true through a reindex, and after a failed one, while its earlier chunks serve */
            searchable: boolean;
            /** @description Hex SHA-256 of the bytes */
            sha256: string;
            sizeBytes: number;
            /**
             * @description While processing
             * @enum {string}
             */
            stage?: "parsing" | "chunking" | "embedding" | "indexing";
            /**
             * @description queued → processing → ready | failed
             * @enum {string}
             */
            status: "queued" | "processing" | "ready" | "failed";
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description `conversation`: an attachment, readable only by its owner inside its conversation
             * @enum {string}
             */
            visibility: "department" | "organization" | "conversation";
        };
        LiveView: {
            /** @enum {string} */
            status: "ok";
        };
        LoginRequest: {
            /** @example admin@example.org */
            email: string;
            password: string;
        };
        LogoutRequest: {
            /**
             * @description End every session of the caller, whatever token is given
             * @default false
             */
            everywhere: boolean;
            /** @description End this session; without it (and without the refresh_token cookie) every session of the caller ends */
            refreshToken?: string;
        };
        MessagePage: {
            items: components["schemas"]["MessageView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        MessageView: {
            /** @description The attachments a question was asked with (`attachmentIds` of POST /chat); empty for answers */
            attachmentIds: string[];
            citations: components["schemas"]["CitationView"][];
            /** @description Plain text (an answer may hold [n] citation markers) */
            content: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description How an assistant answer ended
             * @enum {string}
             */
            finishReason?: "stop" | "length" | "stopped";
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The message this one follows on its branch; null for the first
             */
            parentId: string | null;
            /** @enum {string} */
            role: "user" | "assistant";
            /** @description How many versions there are at this point (regenerated answers, edited questions); 1 when none */
            siblingCount: number;
            /** @description The versions’ ids, oldest first (this one among them): switch with POST /conversations/{id}/messages/{messageId}/show */
            siblingIds: string[];
            /** @description Which of them this is, from 1, oldest first */
            siblingIndex: number;
            /**
             * @description `streaming` while the answer is being generated
             * @enum {string}
             */
            status: "streaming" | "complete" | "interrupted" | "failed";
        };
        RatedAnswerPage: {
            items: components["schemas"]["RatedAnswerView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        RatedAnswerView: {
            /** @description Plain text with [n] citation markers; untrusted */
            answer: string;
            /** Format: date-time */
            answeredAt: string;
            /** Format: uuid */
            assistantMessageId: string;
            citations: components["schemas"]["CitationView"][];
            /** @description Untrusted text from the asker: render as text */
            comment: string | null;
            /** @description The asker's department (now) */
            department: components["schemas"]["DepartmentRefView"];
            /**
             * @description How the answer ended; null while it still streams
             * @enum {string|null}
             */
            ending: "complete" | "stopped" | "interrupted" | "failed" | null;
            /** @description The question the answer answered; untrusted text */
            question: string;
            /**
             * Format: date-time
             * @description When the feedback was last given
             */
            ratedAt: string;
            /** @enum {string} */
            rating: "up" | "down";
        };
        ReadyView: {
            /**
             * @description Each dependency and its state
             * @example {
             *       "postgres": "up",
             *       "redis": "up",
             *       "chroma": "up"
             *     }
             */
            checks: {
                [key: string]: "up" | "down";
            };
            /** @enum {string} */
            status: "ok";
        };
        ReembedErrorView: {
            /** @example reembed_failed */
            code: string;
            message: string;
        };
        ReembedView: {
            /** @description Of those, how many the new vectors already cover */
            done: number;
            error?: components["schemas"]["ReembedErrorView"];
            /** Format: date-time */
            finishedAt?: string;
            /**
             * @description The embedding model being built
             * @example local-hashed-v1-d1024
             */
            model: string;
            /** Format: date-time */
            startedAt: string;
            /**
             * @description Searches use the new vectors from `completed` on; until then (and after `failed`) the old ones
             * @enum {string}
             */
            status: "running" | "completed" | "failed";
            /** @description Chunks of the live corpus */
            total: number;
        };
        RefreshRequest: {
            /** @description Without it, the refresh_token cookie that login and refresh set is used */
            refreshToken?: string;
        };
        RegenerateRequest: {
            filters?: components["schemas"]["ChatFilters"];
        };
        RenameConversationRequest: {
            /** @description 1–200 characters after trimming */
            title: string;
        };
        RenamedConversationView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        SessionView: {
            /** @description Bearer token for every other route; keep it in memory only */
            accessToken: string;
            /** @description Lifetime of the access token, in seconds */
            expiresIn: number;
            /** @description Single use: each refresh answers a new one */
            refreshToken: string;
            user: components["schemas"]["UserProfileView"];
        };
        SignInOptionsView: {
            /** @description false: only break-glass accounts may sign in with a password */
            passwordLogin: boolean;
            /** @description null when single sign-on is not configured */
            sso: components["schemas"]["SsoOptionView"] | null;
        };
        SsoOptionView: {
            /**
             * @description Where the browser goes to sign in (a full-page navigation, not a fetch)
             * @example /api/v1/auth/oidc/login
             */
            loginUrl: string;
            /**
             * @description What the sign-in button says: "Sign in with <name>"
             * @example Keycloak
             */
            name: string;
        };
        StopView: {
            /** Format: uuid */
            assistantMessageId: string;
            /** @enum {boolean} */
            stopping: true;
        };
        UpdateDepartmentRequest: {
            name?: string;
            /**
             * Format: uuid
             * @description The new parent; null moves it to the top of the tree (admins only)
             */
            parentId?: string | null;
        };
        UpdateUserRequest: {
            /** Format: uuid */
            departmentId?: string;
            /** @description A disabled user cannot log in and their tokens stop working */
            disabled?: boolean;
            displayName?: string;
            password?: string;
            /** @enum {string} */
            role?: "admin" | "department_admin" | "member";
        };
        UploadedFileView: {
            chunkCount: number;
            /**
             * Format: uuid
             * @description An attachment’s conversation
             */
            conversationId?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            departmentId: string;
            /** @description true (status 200): identical bytes were already in the department; this is that record */
            duplicate: boolean;
            /** @description Why it failed, when failed */
            error?: components["schemas"]["FileErrorView"];
            /** @description As uploaded (UTF-8); untrusted text: render as text */
            filename: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Last sign of life while processing
             */
            lastProgressAt?: string;
            /**
             * @description Read from the bytes
             * @example application/pdf
             */
            mimeType: string;
            pageCount: number | null;
            progress: number;
            /** Format: date-time */
            readyAt?: string;
            /** @description Whether chat answers from the file now: true through a reindex, and after a failed one, while its earlier chunks serve */
            searchable: boolean;
            /** @description Hex SHA-256 of the bytes */
            sha256: string;
            sizeBytes: number;
            /**
             * @description While processing
             * @enum {string}
             */
            stage?: "parsing" | "chunking" | "embedding" | "indexing";
            /**
             * @description queued → processing → ready | failed
             * @enum {string}
             */
            status: "queued" | "processing" | "ready" | "failed";
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description `conversation`: an attachment, readable only by its owner inside its conversation
             * @enum {string}
             */
            visibility: "department" | "organization" | "conversation";
        };
        UsageFiguresView: {
            /** @description Answers by how they ended */
            answers: components["schemas"]["AnswerCountsView"];
            /** @description Answers with no token counts from the model (cut short before it reported them, or a provider that reports none) */
            answersWithoutUsage: number;
            /** @description Conversations started */
            conversations: number;
            /** @description Input tokens the model reported */
            inputTokens: number;
            /** @description Output tokens the model reported */
            outputTokens: number;
        };
        UsageRowView: {
            /** @description Answers by how they ended */
            answers: components["schemas"]["AnswerCountsView"];
            /** @description Answers with no token counts from the model (cut short before it reported them, or a provider that reports none) */
            answersWithoutUsage: number;
            /** @description Conversations started */
            conversations: number;
            /**
             * Format: date
             * @description UTC day
             */
            day: string;
            /** @description The askers' department */
            department: components["schemas"]["DepartmentRefView"];
            /** @description Input tokens the model reported */
            inputTokens: number;
            /** @description Output tokens the model reported */
            outputTokens: number;
        };
        UsageView: {
            /**
             * Format: date
             * @description First day covered (UTC)
             */
            from: string;
            /** @description One row per day and department that had any activity; by day, then department name */
            rows: components["schemas"]["UsageRowView"][];
            /**
             * Format: date
             * @description Last day covered, included
             */
            to: string;
            /** @description The sum of the rows */
            totals: components["schemas"]["UsageFiguresView"];
        };
        UserDepartmentView: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        UserProfilePage: {
            items: components["schemas"]["UserProfileView"][];
            /** @description Opaque; pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
        };
        UserProfileView: {
            /** Format: date-time */
            createdAt: string;
            department: components["schemas"]["UserDepartmentView"];
            /** @description A disabled user cannot sign in and their tokens are refused */
            disabled: boolean;
            displayName: string;
            /** Format: email */
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "admin" | "department_admin" | "member";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_list: {
        parameters: {
            query?: {
                action?: "user.created" | "user.updated" | "department.created" | "department.renamed" | "department.moved" | "department.deleted" | "file.uploaded" | "file.reindexed" | "file.deleted" | "corpus.reembed_requested" | "sso.signed_in" | "sso.refused";
                /** @description Only changes made by this user */
                actorId?: string;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Only entries at or after this time */
                from?: string;
                limit?: number;
                /** @description Only entries before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InsightsController_feedback: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description First day (UTC) the answer was rated on; open when absent */
                from?: string;
                limit?: number;
                /** @description Only answers rated this way; both when absent */
                rating?: "up" | "down";
                /** @description Last day (UTC), included; open when absent */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rated answers, most recently rated first, each with only its question */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatedAnswerPage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    QueueDashboardController_openSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardTicketResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InsightsController_usage: {
        parameters: {
            query?: {
                /** @description First day (UTC); 29 days before `to` when absent. At most 366 days before `to` */
                from?: string;
                /** @description Last day (UTC), included; today when absent */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Chats, answers by ending and tokens per UTC day and department */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description `refresh_token=<refresh token>; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Secure` (not Secure on plain-http localhost) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `invalid_credentials`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description Signed out; the ended sessions’ access tokens are refused from the next request on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The web app (`/`), signed in */
            303: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. `code`: `sso_flow_expired` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `sso_invalid_response`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `sso_email_unverified`, `sso_no_department` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `sso_not_configured` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `sso_identity_conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `sso_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider’s authorization endpoint */
            302: {
                headers: {
                    /** @description The provider’s authorization endpoint */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not visible to the caller. `code`: `sso_not_configured` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `sso_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptionsView"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description `refresh_token=<refresh token>; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Secure` (not Secure on plain-http localhost) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `invalid_refresh_token`, `refresh_token_reused`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatController_chat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRequest"];
            };
        };
        responses: {
            /** @description SSE, in this order: meta, status…, token…, citations, then done or error; `: ping` comments while idle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: components["schemas"]["ChatMetaEvent"];
                        /** @enum {string} */
                        event: "meta";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatStatusEvent"];
                        /** @enum {string} */
                        event: "status";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatTokenEvent"];
                        /** @enum {string} */
                        event: "token";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatCitationsEvent"];
                        /** @enum {string} */
                        event: "citations";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatDoneEvent"];
                        /** @enum {string} */
                        event: "done";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatErrorEvent"];
                        /** @enum {string} */
                        event: "error";
                        id?: string;
                    };
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found`, `attachment_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited`, `too_many_streams` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `server_shutting_down` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatController_feedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assistantMessageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description Recorded; giving feedback again replaces it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `message_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatController_regenerate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assistantMessageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegenerateRequest"];
            };
        };
        responses: {
            /** @description A new answer to the same question, as POST /chat streams it; the earlier answer stays as a sibling version (meta.userMessageId is the question answered) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: components["schemas"]["ChatMetaEvent"];
                        /** @enum {string} */
                        event: "meta";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatStatusEvent"];
                        /** @enum {string} */
                        event: "status";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatTokenEvent"];
                        /** @enum {string} */
                        event: "token";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatCitationsEvent"];
                        /** @enum {string} */
                        event: "citations";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatDoneEvent"];
                        /** @enum {string} */
                        event: "done";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatErrorEvent"];
                        /** @enum {string} */
                        event: "error";
                        id?: string;
                    };
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `message_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `answer_still_streaming` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited`, `too_many_streams` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `server_shutting_down` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatController_stop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assistantMessageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer is being stopped; its stream ends with done, finishReason "stopped" */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `message_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `generation_not_running` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ChatController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userMessageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditRequest"];
            };
        };
        responses: {
            /** @description The edited question asked in place of this user message, starting a new branch there (the earlier branch stays); streamed as POST /chat streams it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: components["schemas"]["ChatMetaEvent"];
                        /** @enum {string} */
                        event: "meta";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatStatusEvent"];
                        /** @enum {string} */
                        event: "status";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatTokenEvent"];
                        /** @enum {string} */
                        event: "token";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatCitationsEvent"];
                        /** @enum {string} */
                        event: "citations";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatDoneEvent"];
                        /** @enum {string} */
                        event: "done";
                        id?: string;
                    } | {
                        data: components["schemas"]["ChatErrorEvent"];
                        /** @enum {string} */
                        event: "error";
                        id?: string;
                    };
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `message_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `answer_still_streaming` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited`, `too_many_streams` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `server_shutting_down` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s conversations, newest activity first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed`, `invalid_conversation_title` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetailView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted with its messages and its attachments (bytes, chunks and vectors purged next) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameConversationRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenamedConversationView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed`, `invalid_conversation_title` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AttachmentsController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored and queued for ingestion, `visibility: "conversation"`: readable only by its owner, only in this conversation */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileView"];
                };
            };
            /** @description The request is not valid. `code`: `malformed_upload`, `empty_file`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is over the limit. `code`: `file_too_large`, `attachment_quota_exceeded` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The type of the body is not accepted. `code`: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `too_many_attachments`, `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_messages: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description Start from the newest message of the branch shown (a chat opening at its end) or from its first; `desc` and `asc` say the same */
                order?: "newest" | "oldest" | "desc" | "asc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The branch shown, a page at a time: newest first (the default) or oldest first; a cursor goes on along the branch its page was on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ConversationsController_show: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This version is shown from now on, with the branch under it; the conversation as it now reads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetailView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `conversation_not_found`, `message_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                departmentId?: string;
                limit?: number;
                status?: "queued" | "processing" | "ready" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Files the caller may see, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilePage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: uuid
                     * @description Defaults to the uploader’s department; send before the file part
                     */
                    departmentId?: string;
                    /** Format: binary */
                    file: string;
                    /**
                     * @default department
                     * @enum {string}
                     */
                    visibility?: "department" | "organization";
                };
            };
        };
        responses: {
            /** @description Identical bytes were already in the department: that record, `duplicate: true` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFileView"];
                };
            };
            /** @description Stored and queued for ingestion (`duplicate: false`) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFileView"];
                };
            };
            /** @description The request is not valid. `code`: `malformed_upload`, `empty_file`, `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is over the limit. `code`: `file_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The type of the body is not accepted. `code`: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `file_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Gone from lists and answers at once; bytes, chunks and vectors are purged next */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedFileView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `file_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original bytes, with the file’s media type and `Content-Disposition: attachment` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `file_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SSE: `status` with the current state first, then `progress` and `status` events until ready or failed; `: ping` every 15 s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        data: components["schemas"]["FileView"];
                        /** @enum {string} */
                        event: "status";
                        id?: string;
                    } | {
                        data: components["schemas"]["FileView"];
                        /** @enum {string} */
                        event: "progress";
                        id?: string;
                    };
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `file_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_reindex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for ingestion again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `file_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `file_busy` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_reembedStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest re-embed, running or finished */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReembedView"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `reembed_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FilesController_reembed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Building started with the configured embedding model; searches keep the current vectors until it completes */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReembedView"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `reembed_in_progress` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveView"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyView"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not available right now. `code`: `not_ready` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfileView"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_departments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every department; the tree is given by parentId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"][];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDepartmentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `department_name_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_deleteDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `department_not_empty` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDepartmentRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed`, `invalid_department_change` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `department_cycle`, `department_name_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_users: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfilePage"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfileView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state. `code`: `email_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrgController_updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserProfileView"];
                };
            };
            /** @description The request is not valid. `code`: `validation_failed`, `invalid_user_change` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token, or the account is disabled. `code`: `unauthenticated`, `session_ended`, `account_disabled` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller may see this but not do it. `code`: `admin_only`, `outside_managed_departments` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller. `code`: `user_not_found`, `department_not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after Retry-After seconds. `code`: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Something failed on our side. `code`: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
