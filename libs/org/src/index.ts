export { OrgModule } from './org.module';
export { CreateDepartment } from './commands/create-department/create-department.command';
export { CreateUser } from './commands/create-user/create-user.command';
export { ListDepartments } from './queries/list-departments/list-departments.query';
export { ActiveAccounts, DepartmentRepository, UserRepository } from './org.ports';
export { passwordProblem } from './domain/password-policy';
