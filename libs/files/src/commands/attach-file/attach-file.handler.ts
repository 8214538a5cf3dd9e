import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AttachmentSettings } from '../../attachments/attachment-settings';
import { AttachmentBytesExceeded, AttachmentConversationNotFound, FileTooLarge, TooManyAttachments } from '../../domain/files-errors';
import { ConversationOwners, FileRepository } from '../../files.ports';
import { UploadIntake } from '../upload-file/upload-intake';
import { UploadSettings } from '../upload-file/upload-settings';
import { AttachFile } from './attach-file.command';

/**
 * The same intake as an admin's upload (limits, sniffing, the worker's ingestion), placed as an
 * attachment: `conversation` visibility in the owner's department, tied to the conversation.
 * The allowance is checked before a byte is stored; the bytes one upload may bring are what is
 * left of it, so an attachment that would pass it stops as soon as it does. It is checked again
 * under the user's lock as the file is recorded, since uploads running at once all passed the first check.
 */
@CommandHandler(AttachFile)
export class AttachFileHandler implements ICommandHandler<AttachFile> {
  constructor(
    private readonly owners: ConversationOwners,
    private readonly files: FileRepository,
    private readonly intake: UploadIntake,
    private readonly uploads: UploadSettings,
    private readonly allowance: AttachmentSettings,
  ) {}

  async execute({ actor, conversationId, upload }: AttachFile) {
    if ((await this.owners.ownerOf(conversationId)) !== actor.userId) throw new AttachmentConversationNotFound(conversationId);
    const usage = await this.files.attachmentUsageOf(actor.userId);
    if (usage.count >= this.allowance.maxCountPerUser) throw new TooManyAttachments(this.allowance.maxCountPerUser);
    const left = this.allowance.maxBytesPerUser - usage.bytes;
    if (left <= 0) throw new AttachmentBytesExceeded(this.allowance.maxBytesPerUser);
    const perFile = this.uploads.maxBytes;
    const { file } = await this.intake.take(upload, {
      uploadedBy: actor.userId,
      departmentId: actor.departmentId,
      visibility: 'conversation',
      conversationId,
      maxBytes: Math.min(perFile, left),
      tooLarge: () => (left < perFile ? new AttachmentBytesExceeded(this.allowance.maxBytesPerUser) : new FileTooLarge(perFile)),
      admit: async (stored) => {
        const now = await this.files.lockedAttachmentUsageOf(actor.userId);
        if (now.count >= this.allowance.maxCountPerUser) throw new TooManyAttachments(this.allowance.maxCountPerUser);
        if (now.bytes + stored.sizeBytes > this.allowance.maxBytesPerUser) throw new AttachmentBytesExceeded(this.allowance.maxBytesPerUser);
      },
      audit: null,
    });
    return file;
  }
}
