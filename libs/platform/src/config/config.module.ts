import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, type ConfigValues, parseConfig } from './app-config';

/**
 * Nest's configuration, validated by the zod schema, with the typed `AppConfig` beside
 * `ConfigService` for every module. A process's root module imports `forRoot()`, which reads the
 * environment when it is called rather than when a file is imported: the tests set each app's
 * environment before building it. A bad or missing value makes the app's creation fail with
 * `parseConfig`'s message naming every variable at fault.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          // The environment is the one source: `npm run dev` loads .env itself, and a deployment sets variables.
          ignoreEnvFile: true,
          validate: parseConfig,
          // Only validated values: an empty or unset optional variable reads as undefined, never as the raw string.
          skipProcessEnv: true,
        }),
      ],
      providers: [{ provide: AppConfig, inject: [ConfigService], useFactory: (service: ConfigService<ConfigValues, true>) => new AppConfig(service) }],
      exports: [AppConfig],
    };
  }
}
