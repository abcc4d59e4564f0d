import { Component, createElement, type ComponentChild, type FunctionComponent } from 'preact';

/**
 * `render` re-rendered only when one of its props changed (shallow, like React.memo; preact/compat has
 * one, but importing compat switches Preact's event handling to React's for the whole popup). The popup's
 * state changes with every page that arrives while scrolling: the chart, the search bar and the rows
 * already on screen need not render again for it.
 */
export function pure<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const previous = this.props as Record<string, unknown>;
      const props = next as Record<string, unknown>;
      for (const key in previous) if (!(key in props)) return true;
      for (const key in props) if (props[key] !== previous[key]) return true;
      return false;
    }

    override render(props: P): ComponentChild {
      return createElement(render, props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}
