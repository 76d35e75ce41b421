import { Fragment } from 'react';

/** A recovery code in its groups of four, two rows when there is room; its text stays the code. */
export function CodeGroups({ code }: { code: string }) {
  const groups = code.split('-');
  const half = Math.ceil(groups.length / 2);
  return groups.map((group, index) => (
    <Fragment key={index}>
      {index === half && <br />}
      <span className="code-group">
        {group}
        {index < groups.length - 1 ? '-' : ''}
      </span>
    </Fragment>
  ));
}
