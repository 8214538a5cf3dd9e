import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailed } from './platform-errors';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailed([{ field: name, problem: 'must be a UUID' }]) }));
