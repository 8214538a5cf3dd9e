export { OrgModule } from './org.module';
export { CreateDepartment } from './commands/create-department/create-department.command';
export { CreateUser } from './commands/create-user/create-user.command';
export { ListDepartments } from './queries/list-departments/list-departments.query';
export { ActiveAccounts, DepartmentRepository, UserRepository } from './org.ports';
export type { Department } from './domain/department';
export { passwordProblem, PASSWORD_MIN_LENGTH } from './domain/password-policy';
