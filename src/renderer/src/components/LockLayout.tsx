import { useId, type ReactNode, type Ref } from 'react';

interface LockLayoutProps {
  title: string;
  /** A sentence or two under the title. */
  intro?: ReactNode;
  /** Lets a screen move focus to its title, e.g. when it shows something to read first. */
  titleRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}

/** The calm, centred card every lock screen sits in, with the app's name and quiet footer. */
export function LockLayout({ title, intro, titleRef, children }: LockLayoutProps) {
  const titleId = useId();
  return (
    <div className="lock-screen">
      <main className="lock-card" aria-labelledby={titleId}>
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Lean On
        </p>
        <h1 id={titleId} ref={titleRef} tabIndex={-1}>
          {title}
        </h1>
        {intro && <div className="lead">{intro}</div>}
        {children}
      </main>
      <footer className="lock-footer">
        <p>Lean On is a private journal, not a crisis service.</p>
      </footer>
    </div>
  );
}
