/**
 * "Decode as…": Auto (saying what it chose) or any decoder, for this one
 * message. The choice lives in the session's payload decoding, so the
 * filters, field charts and the diff read the message the same way.
 */
import type { DecoderChoice } from '../../model/index.ts';
import { choiceOfOptionValue, decodeAsOptions, optionValueOf } from './decode-as.ts';

interface DecodeAsSelectProps {
  override: DecoderChoice | null;
  autoLabel: string;
  /** Loaded protobuf message types, one option each. */
  protoTypes: readonly string[];
  onChoose(choice: DecoderChoice | null): void;
}

export function DecodeAsSelect({ override, autoLabel, protoTypes, onChoose }: DecodeAsSelectProps) {
  const options = decodeAsOptions(autoLabel, protoTypes);
  const value = optionValueOf(override);
  return (
    <label className="decode-as">
      <span>Decode as</span>
      <select data-testid="inspector-decode-as" value={value} onChange={(event) => onChoose(choiceOfOptionValue(event.target.value))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {/* A protobuf type whose schema was removed since: keep the select's value valid. */}
        {!options.some((option) => option.value === value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}
