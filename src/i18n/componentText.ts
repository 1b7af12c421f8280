/** The shape of the inspector's text about one component kind, the same in every language. */
export interface ComponentText {
  /** A few words under the name in the diagram card, e.g. "API server". */
  short: string;
  /** The everyday analogy, e.g. "The liaison". */
  analogy: string;
  /** Two to four sentences: what it does, in plain words. */
  role: string;
  /** Whom it talks to, one item each: the peer and what passes between them. */
  talksTo: string[];
  /** Whom it never talks to, and why: one or two sentences. */
  neverTalksTo: string;
  /** How it runs (container in a static pod, DaemonSet pod, host process, addon pod) and why. */
  runsAs: string;
  /** Real commands that show it; `cmd` is never translated, `says` explains what you see. */
  commands: { cmd: string; says: string }[];
}

/** A component's text but its card label: what Details loads when it first opens. */
export type ComponentDetails = Omit<ComponentText, 'short'>;
