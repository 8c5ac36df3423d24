// Prints the dev server's `--search-attribute` flags, one per line, from the shared contract.
import { searchAttributeCliArgs } from '../../packages/shared/src/contracts/search-attributes';

process.stdout.write(`${searchAttributeCliArgs().join('\n')}\n`);
