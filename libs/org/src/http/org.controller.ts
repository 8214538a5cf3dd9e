import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiErrors, CurrentActor, PageOf, PageQuery, UuidParam } from '@app/platform';
import { CreateDepartment } from '../commands/create-department/create-department.command';
import { CreateUser } from '../commands/create-user/create-user.command';
import { DeleteDepartment } from '../commands/delete-department/delete-department.command';
import { UpdateDepartment } from '../commands/update-department/update-department.command';
import { UpdateUser } from '../commands/update-user/update-user.command';
import { ListDepartments } from '../queries/list-departments/list-departments.query';
import { ListUsers } from '../queries/list-users/list-users.query';
import { CreateDepartmentRequest, CreateUserRequest, UpdateDepartmentRequest, UpdateUserRequest } from './org.dto';
import { DepartmentView, UserProfileView } from './org.views';

const toDepartmentView = ({ id, name, parentId }: { id: string; name: string; parentId: string | null }): DepartmentView => ({ id, name, parentId });

// Who may do what is each use case's rule (admins everywhere, department admins in their
// subtree); the routes only carry the request to it.
@ApiTags('org')
@ApiBearerAuth()
@ApiErrors(401, 429)
@Controller('org')
export class OrgController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('departments')
  @ApiOkResponse({ type: [DepartmentView], description: 'Every department; the tree is given by parentId' })
  async departments(): Promise<DepartmentView[]> {
    return (await this.queries.execute(new ListDepartments())).map(toDepartmentView);
  }

  @Post('departments')
  @ApiOperation({ description: 'Admins; department admins under a department of their subtree.' })
  @ApiCreatedResponse({ type: DepartmentView })
  @ApiErrors(400, 403, [404, 'department_not_found'], [409, 'department_name_taken'])
  async createDepartment(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentRequest): Promise<DepartmentView> {
    return toDepartmentView(await this.commands.execute(new CreateDepartment(actor, body.name, body.parentId ?? null)));
  }

  @Patch('departments/:id')
  @ApiOperation({ description: 'Rename or move. Admins; department admins strictly inside their subtree, to a parent there.' })
  @ApiOkResponse({ type: DepartmentView })
  @ApiErrors([400, 'validation_failed', 'invalid_department_change'], 403, [404, 'department_not_found'], [409, 'department_cycle', 'department_name_taken'])
  async updateDepartment(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateDepartmentRequest): Promise<DepartmentView> {
    return toDepartmentView(await this.commands.execute(new UpdateDepartment(actor, id, { name: body.name, parentId: body.parentId })));
  }

  @Delete('departments/:id')
  @HttpCode(204)
  @ApiOperation({ description: 'Admins only. Only a department without users, files and sub-departments; the 409 names what is left in `details`.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, [403, 'admin_only'], [404, 'department_not_found'], [409, 'department_not_empty'])
  async deleteDepartment(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    await this.commands.execute(new DeleteDepartment(actor, id));
  }

  @Get('users')
  @ApiOperation({ description: 'Admins: everyone; department admins: the users of their subtree.' })
  @ApiOkResponse({ type: PageOf(UserProfileView), description: 'Oldest first' })
  @ApiErrors(400, [403, 'admin_only'])
  users(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<Page<UserProfileView>> {
    return this.queries.execute(new ListUsers(actor, page.limit, page.cursor));
  }

  @Post('users')
  @ApiOperation({ description: 'Admins; department admins in their subtree, never granting `admin`.' })
  @ApiCreatedResponse({ type: UserProfileView })
  @ApiErrors(400, 403, [404, 'department_not_found'], [409, 'email_taken'])
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserProfileView> {
    return this.commands.execute(new CreateUser(actor, body.email, body.password, body.displayName, body.role, body.departmentId));
  }

  @Patch('users/:id')
  @ApiOperation({ description: 'Admins; department admins for users of their subtree (others are not found), never granting `admin` or moving anyone out of it.' })
  @ApiOkResponse({ type: UserProfileView })
  @ApiErrors([400, 'validation_failed', 'invalid_user_change'], 403, [404, 'user_not_found', 'department_not_found'])
  updateUser(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserRequest): Promise<UserProfileView> {
    return this.commands.execute(new UpdateUser(actor, id, body));
  }
}
