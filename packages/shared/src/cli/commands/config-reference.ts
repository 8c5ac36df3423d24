import { configReferenceMarkdown } from '../../config/reference';
import { EXIT_OK, type TCliCommand } from '../dispatcher';

/** `config reference`: the README's configuration table, generated from the config schema. */
export const configReferenceCommand: TCliCommand = {
  path: ['config', 'reference'],
  args: '',
  summary: '打印全部环境变量的说明表（由配置 schema 生成，README 中的表与之一致）',
  async run(_args, ctx) {
    ctx.out(configReferenceMarkdown());
    return EXIT_OK;
  },
};
