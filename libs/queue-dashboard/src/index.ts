export { QueueDashboardModule } from './queue-dashboard.module';
