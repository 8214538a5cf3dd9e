import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DepartmentRepository } from '../../org.ports';
import { ListDepartments } from './list-departments.query';

@QueryHandler(ListDepartments)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartments> {
  constructor(private readonly departments: DepartmentRepository) {}

  execute() {
    return this.departments.list();
  }
}
