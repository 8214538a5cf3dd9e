import { FilesPage } from '@/features/files/components/files-page';

export const Component = FilesPage;
