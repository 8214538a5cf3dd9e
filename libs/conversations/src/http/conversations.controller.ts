import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@app/kernel';
import { Actor, ApiErrors, CurrentActor, PageOf, PageQuery, UuidParam } from '@app/platform';
import { CreateConversation } from '../commands/create-conversation/create-conversation.command';
import { DeleteConversation } from '../commands/delete-conversation/delete-conversation.command';
import { RenameConversation } from '../commands/rename-conversation/rename-conversation.command';
import { ShowMessageVersion } from '../commands/show-message-version/show-message-version.command';
import { GetConversation } from '../queries/get-conversation/get-conversation.query';
import { ListConversations } from '../queries/list-conversations/list-conversations.query';
import { ListMessages } from '../queries/list-messages/list-messages.query';
import { ConversationDetailView, ConversationView, MessageView, RenamedConversationView, toConversationView, toMessageView, toSummaryView } from './conversation.views';
import { CreateConversationRequest, ListMessagesQuery, RenameConversationRequest } from './conversations.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiErrors(401, 429)
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ConversationView), description: 'The caller’s conversations, newest activity first' })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<Page<ConversationView>> {
    const { items, nextCursor } = await this.queries.execute(new ListConversations(actor, page.limit, page.cursor));
    return { items: items.map(toSummaryView), nextCursor };
  }

  @Post()
  @ApiCreatedResponse({ type: ConversationView })
  @ApiErrors([400, 'validation_failed', 'invalid_conversation_title'])
  async create(@CurrentActor() actor: Actor, @Body() body: CreateConversationRequest): Promise<ConversationView> {
    return toConversationView(await this.commands.execute(new CreateConversation(actor, body.title ?? null)), 0);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConversationDetailView })
  @ApiErrors(400, [404, 'conversation_not_found'])
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ConversationDetailView> {
    const { conversation, messages, attachments } = await this.queries.execute(new GetConversation(actor, id));
    return { ...toConversationView(conversation, messages.length), messages: messages.map(toMessageView), attachments };
  }

  @Get(':id/messages')
  @ApiOkResponse({
    type: PageOf(MessageView),
    description: 'The branch shown, a page at a time: newest first (the default) or oldest first; a cursor goes on along the branch its page was on',
  })
  @ApiErrors(400, [404, 'conversation_not_found'])
  async messages(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: ListMessagesQuery): Promise<Page<MessageView>> {
    const { items, nextCursor } = await this.queries.execute(new ListMessages(actor, id, query.order, query.limit, query.cursor));
    return { items: items.map(toMessageView), nextCursor };
  }

  @Post(':id/messages/:messageId/show')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationDetailView, description: 'This version is shown from now on, with the branch under it; the conversation as it now reads' })
  @ApiErrors(400, [404, 'conversation_not_found', 'message_not_found'])
  async show(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('messageId') messageId: string): Promise<ConversationDetailView> {
    await this.commands.execute(new ShowMessageVersion(actor, id, messageId));
    return this.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: RenamedConversationView })
  @ApiErrors([400, 'validation_failed', 'invalid_conversation_title'], [404, 'conversation_not_found'])
  async rename(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RenameConversationRequest): Promise<RenamedConversationView> {
    const conversation = await this.commands.execute(new RenameConversation(actor, id, body.title));
    return { id: conversation.id, title: conversation.title, createdAt: conversation.createdAt, updatedAt: conversation.updatedAt };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its messages and its attachments (bytes, chunks and vectors purged next)' })
  @ApiErrors(400, [404, 'conversation_not_found'])
  async delete(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    await this.commands.execute(new DeleteConversation(actor, id));
  }
}
