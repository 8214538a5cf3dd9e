import { UsagePage } from '@/features/insights/components/usage-page';

export const Component = UsagePage;
