import { Controller, Delete, Get, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@app/kernel';
import type { Request, Response } from 'express';
import { Actor, AdminOnlyRoute, ApiErrors, ApiEventStream, CurrentActor, PageOf, UuidParam } from '@app/platform';
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
import { DeletedFileView, FileView, UploadedFileView } from './file.views';
import { readMultipartUpload } from './multipart-upload';
import { ReembedView, toReembedView } from './reembed.view';

@ApiTags('files')
@ApiBearerAuth()
@ApiErrors(401, 429)
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
  @ApiAcceptedResponse({ type: UploadedFileView, description: 'Stored and queued for ingestion (`duplicate: false`)' })
  @ApiOkResponse({ type: UploadedFileView, description: 'Identical bytes were already in the department: that record, `duplicate: true`' })
  @ApiErrors([400, 'malformed_upload', 'empty_file', 'validation_failed'], 403, [404, 'department_not_found'], [413, 'file_too_large'], [415, 'unsupported_media_type'])
  async upload(@CurrentActor() actor: Actor, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<UploadedFileView> {
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
  @ApiOkResponse({ type: PageOf(FileView), description: 'Files the caller may see, newest first' })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListFilesQuery): Promise<Page<FileView>> {
    return this.queries.execute(new ListFiles(actor, { status: query.status, departmentId: query.departmentId }, query.limit, query.cursor));
  }

  @AdminOnlyRoute()
  @Post('reembed')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReembedView, description: 'Building started with the configured embedding model; searches keep the current vectors until it completes' })
  @ApiErrors(403, [409, 'reembed_in_progress'])
  async reembed(@CurrentActor() actor: Actor): Promise<ReembedView> {
    return toReembedView(await this.commands.execute(new RequestReembed(actor)));
  }

  @AdminOnlyRoute()
  @Get('reembed')
  @ApiOkResponse({ type: ReembedView, description: 'The latest re-embed, running or finished' })
  @ApiErrors(403, [404, 'reembed_not_found'])
  async reembedStatus(@CurrentActor() actor: Actor): Promise<ReembedView> {
    return toReembedView(await this.queries.execute(new GetReembed(actor)));
  }

  @Get(':id')
  @ApiOkResponse({ type: FileView })
  @ApiErrors(400, [404, 'file_not_found'])
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<FileView> {
    return toFileView(await this.queries.execute(new GetFile(actor, id)));
  }

  @Get(':id/content')
  @ApiOkResponse({
    description: 'The original bytes, with the file’s media type and `Content-Disposition: attachment`',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, [404, 'file_not_found'])
  async content(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res({ passthrough: true }) response: Response) {
    const { file, content } = await this.queries.execute(new GetFileContent(actor, id));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: file.mimeType, length: file.sizeBytes, disposition: contentDisposition(file.filename) });
  }

  @Get(':id/events')
  @ApiEventStream('SSE: `status` with the current state first, then `progress` and `status` events until ready or failed; `: ping` every 15 s', {
    status: FileView,
    progress: FileView,
  })
  @ApiErrors(400, [404, 'file_not_found'])
  async events(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() request: Request, @Res() response: Response) {
    await streamFileEvents(await this.queries.execute(new WatchFile(actor, id)), request, response);
  }

  @AdminOnlyRoute()
  @Post(':id/reindex')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: FileView, description: 'Queued for ingestion again' })
  @ApiErrors(400, 403, [404, 'file_not_found'], [409, 'file_busy'])
  async reindex(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<FileView> {
    return toFileView(await this.commands.execute(new ReindexFile(actor, id)));
  }

  @AdminOnlyRoute()
  @Delete(':id')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeletedFileView, description: 'Gone from lists and answers at once; bytes, chunks and vectors are purged next' })
  @ApiErrors(400, 403, [404, 'file_not_found'])
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DeletedFileView> {
    await this.commands.execute(new DeleteFile(actor, id));
    return { id, deleted: true };
  }
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow.
  const extended = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extended}`;
}
