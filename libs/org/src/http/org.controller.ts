import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AdminOnlyRoute, CurrentActor, PageQuery, UuidParam } from '@app/platform';
import { CreateDepartment } from '../commands/create-department/create-department.command';
import { CreateUser } from '../commands/create-user/create-user.command';
import { UpdateUser } from '../commands/update-user/update-user.command';
import { ListDepartments } from '../queries/list-departments/list-departments.query';
import { ListUsers } from '../queries/list-users/list-users.query';
import { CreateDepartmentRequest, CreateUserRequest, UpdateUserRequest } from './org.dto';

const toDepartmentView = ({ id, name, parentId }: { id: string; name: string; parentId: string | null }) => ({ id, name, parentId });

@ApiTags('org')
@ApiBearerAuth()
@Controller('org')
export class OrgController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('departments')
  async departments() {
    return (await this.queries.execute(new ListDepartments())).map(toDepartmentView);
  }

  @AdminOnlyRoute()
  @Post('departments')
  async createDepartment(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentRequest) {
    return toDepartmentView(await this.commands.execute(new CreateDepartment(actor, body.name, body.parentId ?? null)));
  }

  @AdminOnlyRoute()
  @Get('users')
  users(@Query() page: PageQuery) {
    return this.queries.execute(new ListUsers(page.limit, page.cursor));
  }

  @AdminOnlyRoute()
  @Post('users')
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest) {
    return this.commands.execute(new CreateUser(actor, body.email, body.password, body.displayName, body.role, body.departmentId));
  }

  @AdminOnlyRoute()
  @Patch('users/:id')
  updateUser(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserRequest) {
    return this.commands.execute(new UpdateUser(actor, id, body));
  }
}
