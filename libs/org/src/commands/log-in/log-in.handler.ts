import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@app/platform';
import { AccountDisabled, InvalidCredentials, PasswordLoginDisabled } from '../../domain/org-errors';
import { normaliseEmail } from '../../domain/user';
import { PasswordHasher, UserRepository } from '../../org.ports';
import { SessionIssuer } from '../../sessions/session-issuer';
import { LogIn } from './log-in.command';

// Verified when the email is unknown, so the answer takes as long as for a wrong password.
const decoyHash = '$argon2id$v=19$m=19456,p=1,t=2$vbedMNz6etVqIMEyL+Szlg$zK76r/ukt2zaO6ZH8seW3okdgg6uJ9A6qJSWBiWYe7M';

@CommandHandler(LogIn)
export class LogInHandler implements ICommandHandler<LogIn> {
  private readonly passwordLogin: boolean;
  private readonly breakGlass: ReadonlySet<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    config: AppConfig,
  ) {
    this.passwordLogin = config.get('PASSWORD_LOGIN');
    this.breakGlass = new Set(config.get('PASSWORD_LOGIN_BREAK_GLASS_EMAILS').map(normaliseEmail));
  }

  async execute({ email, password }: LogIn) {
    const user = await this.users.findByEmail(normaliseEmail(email));
    // An account made by single sign-on has no password: it takes the decoy's time and fails.
    const passwordMatches = await this.hasher.verify(user?.hasPassword() ? user.passwordHash : decoyHash, password);
    if (!user || !user.hasPassword() || !passwordMatches) throw new InvalidCredentials();
    // Only to whoever knows the password: the account exists but is disabled, or may not use it.
    if (!this.passwordLogin && !this.breakGlass.has(user.email)) throw new PasswordLoginDisabled();
    if (!user.isActive()) throw new AccountDisabled();
    const session = await this.sessions.issue(user, new Date());
    return { ...session, userId: user.id };
  }
}
