/** Command-line flags as cobra/pflag parse them: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-A`. */

export interface FlagSpec {
  /** `strings`: pflag's stringSlice, repeatable and comma-separated (`-L app -L tier`, `-L app,tier`). */
  readonly type: 'bool' | 'string' | 'strings';
  readonly short?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  readonly positional: string[];
  /**
   * Values by long name; bools are 'true' / 'false'; a repeated flag keeps the last value, but a
   * `strings` flag's values are joined with commas.
   */
  readonly flags: Map<string, string>;
  /** The words after `--` (also the last of `positional`): a command to run, as `create deployment` takes it. */
  readonly afterDash?: readonly string[];
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** A bool flag's `=value` as strconv.ParseBool reads it ('true' / 'false'), or pflag's error. */
function boolValue(raw: string, name: string, spec: FlagSpec): { value: string } | { message: string } {
  if (TRUE.includes(raw)) return { value: 'true' };
  if (FALSE.includes(raw)) return { value: 'false' };
  const shown = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
  return {
    message: `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
  };
}

/** pflag's messages: `unknown flag: --x`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument: --x`. */
export function parseFlags(words: readonly string[], specs: FlagSpecs): ParseResult {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let afterDash: string[] | undefined;
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);
  const setValue = (name: string, value: string) => {
    const before = flags.get(name);
    flags.set(name, specs[name]!.type === 'strings' && before !== undefined ? `${before},${value}` : value);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      afterDash = words.slice(i + 1);
      positional.push(...afterDash);
      break;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      // Own properties only: `--constructor` is an unknown flag, not Object.prototype.constructor.
      const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
      if (!spec) return { ok: false, message: `unknown flag: --${name}` };
      if (spec.type === 'bool') {
        const b = eq < 0 ? { value: 'true' } : boolValue(w.slice(eq + 1), name, spec);
        if ('message' in b) return { ok: false, message: b.message };
        flags.set(name, b.value);
      } else if (eq >= 0) setValue(name, w.slice(eq + 1));
      else if (i + 1 < words.length) setValue(name, words[++i]!);
      else return { ok: false, message: `flag needs an argument: --${name}` };
    } else if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      // A group of shorthands: -Aw, -owide, -n=kube-system.
      for (let j = 1; j < w.length; j++) {
        const ch = w[j]!;
        const name = byShort.get(ch);
        if (!name) return { ok: false, message: `unknown shorthand flag: '${ch}' in ${w}` };
        if (specs[name]!.type === 'bool') {
          // `-w=false`: the rest of the group is the value.
          if (w[j + 1] === '=') {
            const b = boolValue(w.slice(j + 2), name, specs[name]!);
            if ('message' in b) return { ok: false, message: b.message };
            flags.set(name, b.value);
            break;
          }
          flags.set(name, 'true');
          continue;
        }
        let value = w.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i + 1 >= words.length)
            return { ok: false, message: `flag needs an argument: '${ch}' in -${ch}` };
          value = words[++i]!;
        }
        setValue(name, value);
        break;
      }
    } else {
      positional.push(w);
    }
  }
  return { ok: true, args: afterDash ? { positional, flags, afterDash } : { positional, flags } };
}

export const flagTrue = (args: ParsedArgs, name: string) => {
  const v = args.flags.get(name);
  return v !== undefined && v !== 'false';
};
