/** Each person's allowance of attachments, over all their conversations. */
export abstract class AttachmentSettings {
  abstract readonly maxCountPerUser: number;
  abstract readonly maxBytesPerUser: number;
}
