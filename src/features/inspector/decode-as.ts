/**
 * The "decode as…" options: Auto, then every decoder, with one protobuf entry
 * per loaded message type. A choice travels through the <select> as a
 * string; these turn it into a DecoderChoice and back. Pure, so tested.
 */
import { DECODER_LABELS } from '../../model/index.ts';
import type { DecoderChoice, DecoderId } from '../../model/index.ts';

export const AUTO_OPTION = 'auto';
const PROTOBUF_PREFIX = 'protobuf:';
const PLAIN: DecoderId[] = ['json', 'text', 'msgpack', 'cbor'];
const LAST: DecoderId[] = ['base64-json', 'hex'];

export interface DecodeAsOption {
  value: string;
  label: string;
}

/** Options in menu order; `autoLabel` is what Auto reads the body as. */
export function decodeAsOptions(autoLabel: string, protoTypes: readonly string[]): DecodeAsOption[] {
  return [
    { value: AUTO_OPTION, label: `Auto (${autoLabel})` },
    ...PLAIN.map((id) => ({ value: id, label: DECODER_LABELS[id] })),
    ...protoTypes.map((name) => ({ value: PROTOBUF_PREFIX + name, label: `Protobuf: ${name}` })),
    ...LAST.map((id) => ({ value: id, label: DECODER_LABELS[id] })),
  ];
}

/** The option value of a choice (null: Auto). */
export function optionValueOf(choice: DecoderChoice | null): string {
  if (choice === null) return AUTO_OPTION;
  return choice.decoder === 'protobuf' ? PROTOBUF_PREFIX + (choice.protoType ?? '') : choice.decoder;
}

/** The choice an option value stands for (null: Auto, or a value no option has). */
export function choiceOfOptionValue(value: string): DecoderChoice | null {
  if (value.startsWith(PROTOBUF_PREFIX)) return { decoder: 'protobuf', protoType: value.slice(PROTOBUF_PREFIX.length) };
  const id = [...PLAIN, ...LAST].find((d) => d === value);
  return id === undefined ? null : { decoder: id };
}
