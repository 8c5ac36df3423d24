import { isPrismaMigrateError, type PrismaMigrateError } from '../errors';
import {
  checkDrift,
  createMigration,
  deployMigrations,
  markMigrationRolledBack,
  resetDatabase,
} from '../migrate-api';
import {
  DEFAULT_SERVICES_ROOT,
  SERVICES,
  isServiceName,
  resolveServiceTarget,
  type ServiceName,
  type ServiceTarget,
} from './service-targets';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Defaults to the checkout's services/ folder; tests point it elsewhere. */
  servicesRoot?: string;
}

const USAGE = `Usage: npm run -s db -- <command> [args]

  create <service> <name>                  write the next migration from schema changes (null if none)
  deploy <service>                         apply pending migrations (as prisma migrate deploy)
  drift <service>                          exit 1 if schema.prisma and the migrations differ
  deploy-all                               deploy every service
  drift-all                                drift-check every service
  resolve <service> --rolled-back <name>   mark a failed migration rolled back (after P3009)
  reset <service> --force                  drop everything in the database, re-apply all migrations

Services: ${SERVICES.join(', ')}
Database URL: DATABASE_URL_<SERVICE> (e.g. DATABASE_URL_LEGAL_REVIEW); DATABASE_URL is accepted for a
single-service command (and drift-all, which only needs a server to host its shadow databases).`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function hintFor(error: PrismaMigrateError, service: ServiceName): string | undefined {
  const failed =
    /`([^`]+)` migration started at/.exec(error.message)?.[1] ??
    /Migration `([^`]+)` failed/.exec(error.message)?.[1];
  const resolve = `npm run -s db -- resolve ${service} --rolled-back ${failed ?? '<migration>'}`;
  switch (error.code) {
    case 'MIGRATIONS_BLOCKED':
      return `Fix the failed migration's cause (or its migration.sql if it never applied anywhere), then: ${resolve}; and deploy again.`;
    case 'MIGRATION_FAILED':
      return error.prismaCode === 'P3018'
        ? `After fixing the cause: ${resolve}; then deploy again.`
        : undefined;
    default:
      return undefined;
  }
}

function reportFailure(io: CliIo, service: ServiceName, error: unknown): void {
  if (!isPrismaMigrateError(error)) {
    // Not an expected failure: keep the stack, it is a bug to look at.
    io.err(
      `[${service}] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return;
  }
  io.err(`[${service}] error: ${error.message}`);
  const hint = hintFor(error, service);
  if (hint) io.err(`[${service}] ${hint}`);
}

type ServiceCommand = (target: ServiceTarget, log: (line: string) => void) => Promise<boolean>;

async function runForServices(
  io: CliIo,
  services: readonly ServiceName[],
  allowSharedUrl: boolean,
  command: ServiceCommand,
): Promise<ServiceName[]> {
  const failed: ServiceName[] = [];
  for (const service of services) {
    const log = (line: string) => io.out(`[${service}] ${line}`.trimEnd());
    try {
      const target = resolveServiceTarget(service, {
        env: io.env,
        servicesRoot: io.servicesRoot ?? DEFAULT_SERVICES_ROOT,
        allowSharedUrl,
      });
      if (!(await command(target, log))) failed.push(service);
    } catch (error) {
      reportFailure(io, service, error);
      failed.push(service);
    }
  }
  return failed;
}

const deploy: ServiceCommand = async (target, log) => {
  await deployMigrations({ ...target, onProgress: log });
  return true;
};

const drift: ServiceCommand = async (target, log) => {
  const result = await checkDrift({ ...target, onProgress: log });
  if (!result.drift) {
    log('no drift');
    return true;
  }
  log('DRIFT: schema.prisma describes changes the migrations do not make:');
  for (const line of result.summary.split('\n')) log(`  ${line}`);
  log(`Create the missing migration: npm run -s db -- create ${target.service} <name>`);
  return false;
};

function serviceArg(value: string | undefined): ServiceName {
  if (!isServiceName(value)) {
    throw new UsageError(
      value ? `Unknown service "${value}" (expected one of: ${SERVICES.join(', ')})` : 'Missing <service>',
    );
  }
  return value;
}

function expectArgs(args: string[], count: number): void {
  if (args.length !== count)
    throw new UsageError(`Expected ${count} argument(s), got ${args.length}: ${args.join(' ')}`);
}

async function dispatch(io: CliIo, command: string | undefined, args: string[]): Promise<number> {
  const exitFor = (failed: ServiceName[]) => (failed.length === 0 ? EXIT_OK : EXIT_FAILED);
  switch (command) {
    case 'create': {
      expectArgs(args, 2);
      const service = serviceArg(args[0]);
      const name = args[1] ?? '';
      return exitFor(
        await runForServices(io, [service], true, async (target, log) => {
          await createMigration({ ...target, name, onProgress: log });
          return true;
        }),
      );
    }
    case 'deploy':
      expectArgs(args, 1);
      return exitFor(await runForServices(io, [serviceArg(args[0])], true, deploy));
    case 'drift':
      expectArgs(args, 1);
      return exitFor(await runForServices(io, [serviceArg(args[0])], true, drift));
    case 'deploy-all':
    case 'drift-all': {
      expectArgs(args, 0);
      const isDeploy = command === 'deploy-all';
      const failed = await runForServices(io, SERVICES, !isDeploy, isDeploy ? deploy : drift);
      io.out(
        failed.length === 0
          ? `${command}: all ${SERVICES.length} services OK`
          : `${command}: ${isDeploy ? 'failed' : 'drift or failure'} in ${failed.join(', ')}`,
      );
      return exitFor(failed);
    }
    case 'resolve': {
      expectArgs(args, 3);
      if (args[1] !== '--rolled-back')
        throw new UsageError('Only "resolve <service> --rolled-back <migration>" is supported');
      const migrationName = args[2] ?? '';
      return exitFor(
        await runForServices(io, [serviceArg(args[0])], true, async (target, log) => {
          await markMigrationRolledBack({ ...target, migrationName, onProgress: log });
          return true;
        }),
      );
    }
    case 'reset': {
      expectArgs(args, 2);
      if (args[1] !== '--force')
        throw new UsageError('reset drops all data: confirm with "reset <service> --force"');
      return exitFor(
        await runForServices(io, [serviceArg(args[0])], true, async (target, log) => {
          await resetDatabase({ ...target, onProgress: log });
          return true;
        }),
      );
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failure or drift, 2 usage error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    return await dispatch(io, command, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
}
