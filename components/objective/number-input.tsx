"use client";

import { useState } from "react";
import { inputClass, type FieldProps } from "@/components/ui/form-field";
import { minorToDecimal } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";

// Number fields that keep what is typed ("2.", "1,200") while the form holds numbers: an empty
// field is null (or NaN where a figure is required), a field that is not a number NaN, so the
// form's check names it. A value set from outside (a library entry) replaces the text.

/** "2400", "1,200.5", "-3": a decimal as typed, or NaN; empty is `empty`. */
export function parseDecimal(text: string, empty: number | null): number | null {
  const cleaned = text.replace(/[,\s_']/g, "");
  if (cleaned === "") return empty;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function TypedNumber({
  field,
  value,
  onValue,
  parse,
  show,
}: {
  field: FieldProps;
  value: number | null;
  onValue: (value: number | null) => void;
  parse: (text: string) => number | null;
  show: (value: number | null) => string;
}) {
  const [text, setText] = useState(() => show(value));
  const shown = Object.is(parse(text), value) ? text : show(value);
  return (
    <input
      {...field}
      inputMode="decimal"
      autoComplete="off"
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onValue(parse(event.target.value));
      }}
      className={inputClass}
    />
  );
}

const plain = (value: number | null) => (value === null || Number.isNaN(value) ? "" : String(value));

/** A decimal figure; `required` makes an empty field NaN rather than null. */
export function DecimalInput(props: {
  field: FieldProps;
  value: number | null;
  onValue: (value: number | null) => void;
  required?: boolean;
}) {
  const { required, ...rest } = props;
  const empty = required ? Number.NaN : null;
  return <TypedNumber {...rest} parse={(text) => parseDecimal(text, empty)} show={plain} />;
}

/** An amount typed in major units of the currency, held in minor units. */
export function MoneyInput(props: {
  field: FieldProps;
  value: number | null;
  onValue: (value: number | null) => void;
  digits: number;
}) {
  const { digits, ...rest } = props;
  const parse = (text: string) => (text.trim() === "" ? null : (parseMajorAmount(text, digits) ?? Number.NaN));
  const show = (minor: number | null) => (minor === null || Number.isNaN(minor) ? "" : minorToDecimal(minor, digits));
  return <TypedNumber {...rest} parse={parse} show={show} />;
}
