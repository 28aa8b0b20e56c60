import { Fragment } from "react";

/**
 * A long address that may wrap after its dots and slashes rather than in the
 * middle of a word, so it stays readable on a phone.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[./])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  );
}
