import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * A `200 text/event-stream` response. Each SSE event is described as `{event, data}`, where
 * `data` (the JSON on the event's `data:` line) is a component schema of its own, so clients
 * can import the type of each event's payload.
 */
export function ApiEventStream(description: string, events: Record<string, Type<unknown>>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(...new Set(Object.values(events))),
    ApiOkResponse({
      description,
      content: {
        'text/event-stream': {
          schema: {
            oneOf: Object.entries(events).map(([event, data]) => ({
              type: 'object',
              required: ['event', 'data'],
              properties: { event: { type: 'string', enum: [event] }, id: { type: 'string' }, data: { $ref: getSchemaPath(data) } },
            })),
          },
        },
      },
    }),
  );
}
