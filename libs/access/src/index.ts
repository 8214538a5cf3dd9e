export { AccessModule } from './access.module';
export { AccessDirectory } from './access.ports';
