import { Query } from '@nestjs/cqrs';
import type { Department } from '../../domain/department';

export class ListDepartments extends Query<Department[]> {}
