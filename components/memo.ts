import type { ComponentChildren, FunctionComponent } from 'preact';

/**
 * A component that re-renders only when `same` says its props changed: Preact's own `memo` comes with
 * preact/compat, whose hook on every element of every render (React's prop names and styles) cost the panel's
 * first render of a long list about a tenth of its time. `render` runs as the component itself (no extra level),
 * so its hooks, if any, are the component's.
 */
export function memo<P extends object>(
  render: (props: P) => ComponentChildren,
  same: (before: P, after: P) => boolean,
): FunctionComponent<P> {
  function Memo(this: { props: P; shouldComponentUpdate?: (next: P) => boolean }, props: P) {
    this.shouldComponentUpdate = (next) => !same(this.props, next);
    return render(props);
  }
  Memo.displayName = `Memo(${render.name})`;
  return Memo as FunctionComponent<P>;
}
