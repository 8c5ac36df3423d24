import { z } from 'zod';

// The services' zod schemas validate forms here too: their built-in messages in Chinese, and no
// compiled (eval'd) parsers — the console's Content-Security-Policy forbids eval, and zod's probe
// for it would log a CSP violation on every page.
z.config({ ...z.locales.zhCN(), jitless: true });
