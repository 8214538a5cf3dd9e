import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { AdminOnly, assertAdministers } from '@app/platform';
import { FileTooLarge, UploadDepartmentNotFound } from '../../domain/files-errors';
import { FileRepository } from '../../files.ports';
import { UploadFile } from './upload-file.command';
import { UploadIntake } from './upload-intake';
import { UploadSettings } from './upload-settings';

@CommandHandler(UploadFile)
export class UploadFileHandler implements ICommandHandler<UploadFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly intake: UploadIntake,
    private readonly settings: UploadSettings,
    private readonly access: AccessDirectory,
  ) {}

  async execute({ actor, upload }: UploadFile) {
    const departmentId = upload.departmentId ?? actor.departmentId;
    // The caller's own department exists: the user row refers to it.
    // Before a byte is stored: admins upload anywhere, a department admin into their subtree.
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    if (departmentId !== actor.departmentId && !(await this.files.departmentExists(departmentId))) throw new UploadDepartmentNotFound(departmentId);
    assertAdministers(scope, departmentId, 'That department');
    const { maxBytes } = this.settings;
    return this.intake.take(upload, {
      uploadedBy: actor.userId,
      departmentId,
      visibility: upload.visibility ?? 'department',
      conversationId: null,
      maxBytes,
      tooLarge: () => new FileTooLarge(maxBytes),
      audit: (file) => ({
        actorId: actor.userId,
        action: 'file.uploaded',
        target: { type: 'file', id: file.id },
        departmentIds: [departmentId],
        detail: { filename: file.filename, visibility: file.visibility, sizeBytes: file.sizeBytes },
      }),
    });
  }
}
