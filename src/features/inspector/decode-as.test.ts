import { describe, expect, it } from 'vitest';
import { AUTO_OPTION, choiceOfOptionValue, decodeAsOptions, optionValueOf } from './decode-as.ts';

describe('decode as… options', () => {
  it('lists Auto with its choice, every decoder, and one entry per protobuf type', () => {
    const options = decodeAsOptions('MessagePack', ['shop.v1.Line', 'shop.v1.Order']);
    expect(options.map((o) => o.label)).toEqual([
      'Auto (MessagePack)',
      'JSON',
      'Text',
      'MessagePack',
      'CBOR',
      'Protobuf: shop.v1.Line',
      'Protobuf: shop.v1.Order',
      'Base64 → JSON',
      'Hex',
    ]);
  });

  it('round-trips every option value through its choice', () => {
    for (const { value } of decodeAsOptions('JSON', ['a.B'])) {
      expect(optionValueOf(choiceOfOptionValue(value))).toBe(value);
    }
    expect(choiceOfOptionValue(AUTO_OPTION)).toBeNull();
    expect(choiceOfOptionValue('protobuf:a.B')).toEqual({ decoder: 'protobuf', protoType: 'a.B' });
    expect(choiceOfOptionValue('<script>')).toBeNull();
  });
});
