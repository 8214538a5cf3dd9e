import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Department } from '../../domain/department';
import { DepartmentNameTaken, DepartmentNotFound } from '../../domain/org-errors';
import { DepartmentRepository } from '../../org.ports';
import { CreateDepartment } from './create-department.command';

@CommandHandler(CreateDepartment)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartment> {
  constructor(private readonly departments: DepartmentRepository) {}

  async execute({ name, parentId }: CreateDepartment) {
    if (parentId && !(await this.departments.findById(parentId))) throw new DepartmentNotFound(parentId);
    const department = Department.create(randomUUID(), name, parentId, new Date());
    if (await this.departments.findByName(department.name, parentId)) throw new DepartmentNameTaken(department.name);
    await this.departments.add(department);
    return department;
  }
}
