import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { FilesModule } from '@app/files';
import { CreateConversationHandler } from './commands/create-conversation/create-conversation.handler';
import { DeleteConversationHandler } from './commands/delete-conversation/delete-conversation.handler';
import { RenameConversationHandler } from './commands/rename-conversation/rename-conversation.handler';
import { ShowMessageVersionHandler } from './commands/show-message-version/show-message-version.handler';
import { ConversationRepository, MessageRepository } from './conversations.ports';
import { ConversationsController } from './http/conversations.controller';
import { ConversationSchema, MessageSchema } from './persistence/conversations.schemas';
import { MikroOrmConversationRepository } from './persistence/mikro-orm-conversation.repository';
import { MikroOrmMessageRepository } from './persistence/mikro-orm-message.repository';
import { GetConversationHandler } from './queries/get-conversation/get-conversation.handler';
import { ListConversationsHandler } from './queries/list-conversations/list-conversations.handler';
import { ListMessagesHandler } from './queries/list-messages/list-messages.handler';

@Module({
  imports: [MikroOrmModule.forFeature([ConversationSchema, MessageSchema]), FilesModule],
  controllers: [ConversationsController],
  providers: [
    { provide: ConversationRepository, useClass: MikroOrmConversationRepository },
    { provide: MessageRepository, useClass: MikroOrmMessageRepository },
    CreateConversationHandler,
    RenameConversationHandler,
    DeleteConversationHandler,
    ShowMessageVersionHandler,
    ListConversationsHandler,
    GetConversationHandler,
    ListMessagesHandler,
  ],
  exports: [ConversationRepository, MessageRepository],
})
export class ConversationsModule {}
