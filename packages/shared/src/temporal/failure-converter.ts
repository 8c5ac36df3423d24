import { DefaultFailureConverter } from '@temporalio/common';

/**
 * The failure converter of every worker, workflow bundle and client (`failureConverterPath` of
 * `temporalDataConverter` and of every `bundleWorkflowCode`): a failure's message and stack trace go
 * into its `encodedAttributes` payload, which the payload codec encrypts like any other payload — so
 * a history's failures (an activity's HTTP error, a rejected update's Chinese message naming a
 * party's field) are ciphertext on the server, not plain text next to the encrypted payloads
 * (issue #16, docs/decisions.md). The plain message reads "Encoded failure". Histories written
 * before it (plain messages) decode unchanged: decoding reads `encodedAttributes` only when present.
 *
 * Kept in a module of its own (no Node imports): the bundler loads it into the workflow sandbox.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
