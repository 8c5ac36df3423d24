import type { TCaseSummary } from '@sanxiang/shared/src/contracts';
import { publishedPartyIdentity } from './create-disclosure-draft';

// #14 item 7: the 统一社会信用代码 and 法定代表人 entered at case opening reach the disclosure draft
// for a legal person or organisation; a natural person's ID number never leaves the case file.

const summary = (party: TCaseSummary['party']): TCaseSummary => ({
  caseNumber: '常人社监察〔2026〕102号',
  handlingUnit: '劳动保障监察支队',
  status: 'open',
  officers: [],
  party,
});

it('a legal person: the credit code and the legal representative', () => {
  expect(
    publishedPartyIdentity(
      summary({
        kind: 'legalPerson',
        name: '常州华建建设集团有限公司',
        idNumber: '91320400MA1W8XKQ3T',
        legalRepresentative: '顾国平',
      }),
    ),
  ).toEqual({ creditCode: '91320400MA1W8XKQ3T', legalRepresentative: '顾国平' });
});

it('a natural person: nothing (the ID number stays in the case file)', () => {
  expect(
    publishedPartyIdentity(
      summary({
        kind: 'naturalPerson',
        name: '王建国',
        idNumber: '320402199001017818',
        legalRepresentative: null,
      }),
    ),
  ).toEqual({});
});

it('an older recording service without the party: nothing', () => {
  expect(publishedPartyIdentity(summary(undefined))).toEqual({});
});
