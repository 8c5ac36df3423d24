import type { paths } from '../../generated/api/disclosure';

/** `GET /disclosures/{id}` as generated from the disclosure service's OpenAPI document. */
export type TDisclosureDetail =
  paths['/disclosures/{id}']['get']['responses'][200]['content']['application/json'];
export type TOutcomeRequest = TDisclosureDetail['outcomeRequests'][number];
