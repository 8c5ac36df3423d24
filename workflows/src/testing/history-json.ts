import { dirname } from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

/**
 * History ⇄ proto-JSON (the format `temporal workflow show --output json` writes), for replay
 * fixtures. @temporalio/common's historyToJSON/historyFromJSON fail in this install: npm nests two
 * copies of protobufjs 8 (under common and under proto, because another package pins protobufjs 7 at
 * the top), and protojson's `instanceof Type` check rejects the other copy's types. So protojson is
 * taken from the copy that @temporalio/proto itself uses.
 */
type TProtojson = {
  toJson: (type: unknown, message: unknown) => unknown;
  fromJson: (type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }) => unknown;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const protojson = require(
  require.resolve('protobufjs/ext/protojson', {
    paths: [dirname(require.resolve('@temporalio/proto/package.json'))],
  }),
) as TProtojson;

const root = patchProtobufRoot(proto) as unknown as { lookupType: (name: string) => unknown };
const historyType = root.lookupType('temporal.api.history.v1.History');
type THistory = proto.temporal.api.history.v1.IHistory;

export const historyToJson = (history: THistory): string =>
  JSON.stringify(
    protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)),
    null,
    2,
  );

export const historyFromJson = (json: unknown): proto.temporal.api.history.v1.History => {
  const loaded = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('Invalid history JSON');
  return loaded as proto.temporal.api.history.v1.History;
};
