import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, ApiErrors, CurrentActor, UuidParam } from '@app/platform';
import { AttachFile } from '../commands/attach-file/attach-file.command';
import { toFileView } from '../domain/file-view';
import { FileView } from './file.views';
import { readMultipartUpload } from './multipart-upload';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('conversations')
export class AttachmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/attachments')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: FileView, description: 'Stored and queued for ingestion, `visibility: "conversation"`: readable only by its owner, only in this conversation' })
  @ApiErrors(
    [400, 'malformed_upload', 'empty_file', 'validation_failed'],
    [404, 'conversation_not_found'],
    [413, 'file_too_large', 'attachment_quota_exceeded'],
    [415, 'unsupported_media_type'],
    [429, 'too_many_attachments', 'rate_limited'],
  )
  async attach(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() request: Request): Promise<FileView> {
    const upload = await readMultipartUpload(request, { placementFields: false });
    try {
      return toFileView(await this.commands.execute(new AttachFile(actor, id, upload)));
    } finally {
      upload.discardRest();
    }
  }
}
