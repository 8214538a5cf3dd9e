export abstract class UploadSettings {
  abstract readonly maxBytes: number;
}
