import { Controller, Delete, Get, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, AdminOnlyRoute, CurrentActor, UuidParam } from '@app/platform';
import { DeleteFile } from '../commands/delete-file/delete-file.command';
import { RequestReembed } from '../commands/reembed-corpus/request-reembed.command';
import { ReindexFile } from '../commands/reindex-file/reindex-file.command';
import { UploadFile } from '../commands/upload-file/upload-file.command';
import { toFileView } from '../domain/file-view';
import { GetFileContent } from '../queries/get-file-content/get-file-content.query';
import { GetReembed } from '../queries/get-reembed/get-reembed.query';
import { GetFile } from '../queries/get-file/get-file.query';
import { ListFiles } from '../queries/list-files/list-files.query';
import { WatchFile } from '../queries/watch-file/watch-file.query';
import { ListFilesQuery } from './files.dto';
import { streamFileEvents } from './file-events.sse';
import { readMultipartUpload } from './multipart-upload';
import { ReembedStatusDto, toReembedView } from './reembed.dto';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @AdminOnlyRoute()
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        departmentId: { type: 'string', format: 'uuid', description: 'Defaults to the uploader’s department; send before the file part' },
        visibility: { type: 'string', enum: ['department', 'organization'], default: 'department' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async upload(@CurrentActor() actor: Actor, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const upload = await readMultipartUpload(request);
    try {
      const { file, duplicate } = await this.commands.execute(new UploadFile(actor, upload));
      response.status(duplicate ? 200 : 202);
      return { ...toFileView(file), duplicate };
    } finally {
      upload.discardRest();
    }
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListFilesQuery) {
    return this.queries.execute(new ListFiles(actor, { status: query.status, departmentId: query.departmentId }, query.limit, query.cursor));
  }

  @AdminOnlyRoute()
  @Post('reembed')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReembedStatusDto, description: 'Building started with the configured embedding model; searches keep the current vectors until it completes' })
  @ApiConflictResponse({ description: '`reembed_in_progress`: one is running' })
  async reembed(@CurrentActor() actor: Actor) {
    return toReembedView(await this.commands.execute(new RequestReembed(actor)));
  }

  @AdminOnlyRoute()
  @Get('reembed')
  @ApiOkResponse({ type: ReembedStatusDto, description: 'The latest re-embed, running or finished' })
  @ApiNotFoundResponse({ description: '`reembed_not_found`: none has run' })
  async reembedStatus(@CurrentActor() actor: Actor) {
    return toReembedView(await this.queries.execute(new GetReembed(actor)));
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return toFileView(await this.queries.execute(new GetFile(actor, id)));
  }

  @Get(':id/content')
  async content(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res({ passthrough: true }) response: Response) {
    const { file, content } = await this.queries.execute(new GetFileContent(actor, id));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: file.mimeType, length: file.sizeBytes, disposition: contentDisposition(file.filename) });
  }

  @Get(':id/events')
  async events(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() request: Request, @Res() response: Response) {
    await streamFileEvents(await this.queries.execute(new WatchFile(actor, id)), request, response);
  }

  @AdminOnlyRoute()
  @Post(':id/reindex')
  @HttpCode(202)
  async reindex(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return toFileView(await this.commands.execute(new ReindexFile(actor, id)));
  }

  @AdminOnlyRoute()
  @Delete(':id')
  @HttpCode(202)
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    await this.commands.execute(new DeleteFile(actor, id));
    return { id, deleted: true };
  }
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
