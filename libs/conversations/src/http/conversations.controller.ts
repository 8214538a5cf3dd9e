import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, UuidParam } from '@app/platform';
import { CreateConversation } from '../commands/create-conversation/create-conversation.command';
import { DeleteConversation } from '../commands/delete-conversation/delete-conversation.command';
import { RenameConversation } from '../commands/rename-conversation/rename-conversation.command';
import { GetConversation } from '../queries/get-conversation/get-conversation.query';
import { ListConversations } from '../queries/list-conversations/list-conversations.query';
import { toConversationView, toMessageView, toSummaryView } from './conversation.views';
import { CreateConversationRequest, RenameConversationRequest } from './conversations.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    const { items, nextCursor } = await this.queries.execute(new ListConversations(actor, page.limit, page.cursor));
    return { items: items.map(toSummaryView), nextCursor };
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateConversationRequest) {
    return toConversationView(await this.commands.execute(new CreateConversation(actor, body.title ?? null)), 0);
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    const { conversation, messages } = await this.queries.execute(new GetConversation(actor, id));
    return { ...toConversationView(conversation, messages.length), messages: messages.map(toMessageView) };
  }

  @Patch(':id')
  async rename(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RenameConversationRequest) {
    const conversation = await this.commands.execute(new RenameConversation(actor, id, body.title));
    return { id: conversation.id, title: conversation.title, createdAt: conversation.createdAt, updatedAt: conversation.updatedAt };
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    await this.commands.execute(new DeleteConversation(actor, id));
  }
}
