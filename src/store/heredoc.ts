/** Here-documents as the terminal takes them (the parsing is kubectl's shell's, shared with the headless runner). */
export { heredocMarker, parseHeredoc, shownHeredoc } from '../kubectl/parse/heredoc';
