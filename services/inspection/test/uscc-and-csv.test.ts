import { parseObjectCsv } from '../src/domain/objects/parse-object-csv';
import { usccCheckCharacter, usccProblem } from '../src/domain/objects/uscc';

// GB 32100-2015 统一社会信用代码: 18 characters, the last a check character over the first 17.
describe('统一社会信用代码 check digit (GB 32100-2015)', () => {
  it('accepts the standard’s example and real codes, and names the wrong check character', () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull(); // the example printed in GB 32100-2015
    expect(usccProblem('91110000100011743X')).toBeNull();
    expect(usccProblem('91350100M000100Y44')).toEqual({ kind: 'checkDigit', expected: '3', actual: '4' });
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses wrong lengths and the letters I, O, Z, S, V', () => {
    expect(usccProblem('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 });
    expect(usccProblem('91350100M00010OY43')).toEqual({ kind: 'character', position: 15, character: 'O' });
  });
});

describe('object pool CSV', () => {
  it('reports each rejected row with its row number and the reason in Chinese', () => {
    const csv = [
      '统一社会信用代码,名称,类型,地址,所属区域',
      '91350100M000100Y43,常州示例制造有限公司,企业,常州市武进区湖塘镇1号,武进区',
      '91350100M000100Y44,校验码错误公司,企业,,武进区',
      '9135010,太短公司,企业,,武进区',
      ',无代码公司,企业,,武进区',
      '91110000100011743X,,企业,,天宁区',
      '91350100m000100y43,小写重复公司,企业,,武进区',
      '',
      '91110000100011743X,常州另一家公司,企业,,天宁区',
    ].join('\r\n');
    const { rows, rejected } = parseObjectCsv(`\uFEFF${csv}`);
    expect(rows.map((r) => [r.row, r.uscc, r.name, r.district])).toEqual([
      [2, '91350100M000100Y43', '常州示例制造有限公司', '武进区'],
      [9, '91110000100011743X', '常州另一家公司', '天宁区'],
    ]);
    expect(rejected).toEqual([
      { row: 3, uscc: '91350100M000100Y44', reason: '统一社会信用代码校验码错误：第18位应为“3”，此处为“4”' },
      { row: 4, uscc: '9135010', reason: '统一社会信用代码应为18位，此处为7位' },
      { row: 5, uscc: '', reason: '统一社会信用代码为空' },
      { row: 6, uscc: '91110000100011743X', reason: '名称为空' },
      { row: 7, uscc: '91350100M000100Y43', reason: '统一社会信用代码与第2行重复' },
    ]);
  });

  it('refuses a file without the required columns, in Chinese', () => {
    expect(() => parseObjectCsv('代码,单位\n1,2\n')).toThrow(
      'CSV 首行须有“统一社会信用代码”和“名称”两列（现有列：代码、单位）',
    );
    expect(() => parseObjectCsv('统一社会信用代码,名称\n')).toThrow('CSV 文件没有数据行');
  });
});
