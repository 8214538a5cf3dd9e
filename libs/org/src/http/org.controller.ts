import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, AdminOnlyRoute, ApiErrors, CurrentActor, PageOf, PageQuery, UuidParam } from '@app/platform';
import { CreateDepartment } from '../commands/create-department/create-department.command';
import { CreateUser } from '../commands/create-user/create-user.command';
import { UpdateUser } from '../commands/update-user/update-user.command';
import { ListDepartments } from '../queries/list-departments/list-departments.query';
import { ListUsers } from '../queries/list-users/list-users.query';
import { CreateDepartmentRequest, CreateUserRequest, UpdateUserRequest } from './org.dto';
import { DepartmentView, UserProfileView } from './org.views';

const toDepartmentView = ({ id, name, parentId }: { id: string; name: string; parentId: string | null }): DepartmentView => ({ id, name, parentId });

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

  @AdminOnlyRoute()
  @Post('departments')
  @ApiCreatedResponse({ type: DepartmentView })
  @ApiErrors(400, 403, [404, 'department_not_found'], [409, 'department_name_taken'])
  async createDepartment(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentRequest): Promise<DepartmentView> {
    return toDepartmentView(await this.commands.execute(new CreateDepartment(actor, body.name, body.parentId ?? null)));
  }

  @AdminOnlyRoute()
  @Get('users')
  @ApiOkResponse({ type: PageOf(UserProfileView), description: 'Oldest first' })
  @ApiErrors(400, 403)
  users(@Query() page: PageQuery): Promise<Page<UserProfileView>> {
    return this.queries.execute(new ListUsers(page.limit, page.cursor));
  }

  @AdminOnlyRoute()
  @Post('users')
  @ApiCreatedResponse({ type: UserProfileView })
  @ApiErrors(400, 403, [404, 'department_not_found'], [409, 'email_taken'])
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserProfileView> {
    return this.commands.execute(new CreateUser(actor, body.email, body.password, body.displayName, body.role, body.departmentId));
  }

  @AdminOnlyRoute()
  @Patch('users/:id')
  @ApiOkResponse({ type: UserProfileView })
  @ApiErrors([400, 'validation_failed', 'invalid_user_change'], 403, [404, 'user_not_found', 'department_not_found'])
  updateUser(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserRequest): Promise<UserProfileView> {
    return this.commands.execute(new UpdateUser(actor, id, body));
  }
}
