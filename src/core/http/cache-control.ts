/**
 * Parser and checker for HTTP `Cache-Control` field values.
 *
 * Grammar (RFC 9111 §5.2, RFC 9110 §5.6):
 *
 * ```
 * Cache-Control   = #cache-directive
 * cache-directive = token [ "=" ( token / quoted-string ) ]
 * #element        = [ element ] *( OWS "," OWS [ element ] )
 * OWS             = *( SP / HTAB )
 * token           = 1*tchar
 * quoted-string   = DQUOTE *( qdtext / quoted-pair ) DQUOTE
 * ```
 *
 * The module is pure: no I/O, no imports, and no function in it throws on
 * any string input. All offsets are UTF-16 offsets into the input string.
 *
 * @module
 */

/** One directive of a `Cache-Control` value, e.g. `max-age=60`. */
export interface CacheControlDirective {
  /** Lower-cased directive name (directive names are case-insensitive). */
  name: string;
  /** The directive name exactly as written. */
  rawName: string;
  /**
   * The argument, with surrounding quotes removed and quoted-pairs unescaped;
   * `undefined` when the directive has no `=`. An `=` followed by nothing
   * gives `''` (and a `syntax` problem).
   */
  value: string | undefined;
  /** `true` when the argument was written as a quoted-string. */
  quoted: boolean;
  /** Offset in the input where the directive (its name) starts. */
  start: number;
  /** Offset just past the directive's last character (argument included). */
  end: number;
}

/**
 * Kinds of problems reported by {@link parseCacheControl} (`empty-value`,
 * `empty-element`, `syntax`) and {@link checkCacheControl} (all kinds).
 */
export type CacheControlProblemKind =
  | 'empty-value'
  | 'empty-element'
  | 'syntax'
  | 'missing-argument'
  | 'unexpected-argument'
  | 'invalid-seconds'
  | 'out-of-range'
  | 'duplicate'
  | 'misspelled'
  | 'contradiction';

/** A text replacement in the checked value: replace `[start, end)` with `text`. */
export interface CacheControlEdit {
  /** Offset in the input string where the replaced range starts. */
  start: number;
  /** Offset in the input string just past the replaced range. */
  end: number;
  /** Replacement text (`''` to delete). */
  text: string;
}

/** A problem found in a `Cache-Control` value. */
export interface CacheControlProblem {
  /** What is wrong. */
  kind: CacheControlProblemKind;
  /** Offset in the input where the problem starts. */
  start: number;
  /** Offset in the input just past the problem. */
  end: number;
  /**
   * The directive concerned, as written in the input (name and argument,
   * e.g. `max_age=60`); for a `syntax` problem in an element that could not be
   * parsed, the element's text. Absent for `empty-value` / `empty-element`.
   */
  directive?: string;
  /** For `contradiction` / `duplicate`: the other directive, as written. */
  other?: string;
  /** For `misspelled`: the correct directive text, e.g. `max-age=60`. */
  expected?: string;
  /** An edit that is safe to apply automatically (the correction is unambiguous). */
  fix?: CacheControlEdit;
  /** A plausible correction that needs a human decision. */
  suggestion?: CacheControlEdit;
}

/** Result of {@link parseCacheControl}. */
export interface ParsedCacheControl {
  /**
   * Directives in source order. Includes directives from elements with a
   * recoverable syntax slip (whitespace around `=`, `:` instead of `=`, an
   * empty argument); elements that cannot be parsed at all are left out.
   */
  directives: CacheControlDirective[];
  /** Syntax-level problems (`empty-value`, `empty-element`, `syntax`). */
  problems: CacheControlProblem[];
}

/**
 * Known response and request directives of RFC 9111 §5.2 plus the widely
 * deployed extensions `immutable` (RFC 8246) and `stale-while-revalidate` /
 * `stale-if-error` (RFC 5861), mapped to the argument they take:
 *
 * - `'seconds'`: a delta-seconds argument (`1*DIGIT`); required except for `max-stale`;
 * - `'optional-field-list'`: no argument, or a quoted list of field names;
 * - `'none'`: no argument.
 */
export const KNOWN_DIRECTIVES: ReadonlyMap<string, 'none' | 'seconds' | 'optional-field-list'> = new Map<
  string,
  'none' | 'seconds' | 'optional-field-list'
>([
  ['max-age', 'seconds'],
  ['s-maxage', 'seconds'],
  ['stale-while-revalidate', 'seconds'],
  ['stale-if-error', 'seconds'],
  ['max-stale', 'seconds'],
  ['min-fresh', 'seconds'],
  ['no-cache', 'optional-field-list'],
  ['private', 'optional-field-list'],
  ['public', 'none'],
  ['no-store', 'none'],
  ['no-transform', 'none'],
  ['must-revalidate', 'none'],
  ['proxy-revalidate', 'none'],
  ['must-understand', 'none'],
  ['immutable', 'none'],
  ['only-if-cached', 'none'],
]);

/** Seconds directives whose argument may be omitted. */
const OPTIONAL_SECONDS = new Set(['max-stale']);

/** Largest delta-seconds value caches must handle (RFC 9111 §1.2.2): 2^31. */
const MAX_DELTA_SECONDS = 2147483648;

/** Common misspellings (lower-cased) mapped to the directive that was meant. */
const TYPOS: ReadonlyMap<string, string> = new Map([
  ['max_age', 'max-age'],
  ['maxage', 'max-age'],
  ['max-ag', 'max-age'],
  ['max-ages', 'max-age'],
  ['s-max-age', 's-maxage'],
  ['smaxage', 's-maxage'],
  ['s_maxage', 's-maxage'],
  ['s-max_age', 's-maxage'],
  ['s_max_age', 's-maxage'],
  ['s-maxag', 's-maxage'],
  ['no_store', 'no-store'],
  ['nostore', 'no-store'],
  ['no-stor', 'no-store'],
  ['no-stroe', 'no-store'],
  ['no_cache', 'no-cache'],
  ['nocache', 'no-cache'],
  ['no-cahce', 'no-cache'],
  ['must_revalidate', 'must-revalidate'],
  ['mustrevalidate', 'must-revalidate'],
  ['must-revalidte', 'must-revalidate'],
  ['proxy_revalidate', 'proxy-revalidate'],
  ['stale_while_revalidate', 'stale-while-revalidate'],
  ['stalewhilerevalidate', 'stale-while-revalidate'],
  ['stale-while-revalidation', 'stale-while-revalidate'],
  ['stale_if_error', 'stale-if-error'],
  ['no_transform', 'no-transform'],
  ['notransform', 'no-transform'],
  ['immutible', 'immutable'],
  ['imutable', 'immutable'],
  ['immuteable', 'immutable'],
  ['pubic', 'public'],
  ['privat', 'private'],
  ['privite', 'private'],
]);

/** Known directive names with `-` removed, mapped back to the real name. */
const KNOWN_BY_SQUASHED: ReadonlyMap<string, string> = new Map(
  [...KNOWN_DIRECTIVES.keys()].map((name) => [name.replace(/-/g, ''), name] as const),
);

// ---------------------------------------------------------------------------
// Character classes

/** tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
function isTchar(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true; // DIGIT
  if (code >= 0x41 && code <= 0x5a) return true; // A-Z
  if (code >= 0x61 && code <= 0x7a) return true; // a-z
  switch (code) {
    case 0x21: // !
    case 0x23: // #
    case 0x24: // $
    case 0x25: // %
    case 0x26: // &
    case 0x27: // '
    case 0x2a: // *
    case 0x2b: // +
    case 0x2d: // -
    case 0x2e: // .
    case 0x5e: // ^
    case 0x5f: // _
    case 0x60: // `
    case 0x7c: // |
    case 0x7e: // ~
      return true;
    default:
      return false;
  }
}

/** OWS character: SP or HTAB. */
function isOws(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text */
function isQdtext(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x20 ||
    code === 0x21 ||
    (code >= 0x23 && code <= 0x5b) ||
    (code >= 0x5d && code <= 0x7e) ||
    (code >= 0x80 && code <= 0xff)
  );
}

/** Characters allowed after a backslash in a quoted-pair: HTAB / SP / VCHAR / obs-text. */
function isQuotedPairChar(code: number): boolean {
  return code === 0x09 || code === 0x20 || (code >= 0x21 && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
}

function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    if (!isTchar(text.charCodeAt(i))) return false;
  }
  return true;
}

function isDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

// ---------------------------------------------------------------------------
// Parsing

/** Internal per-directive parse details the checker needs for precise edits. */
interface DirectiveInfo {
  directive: CacheControlDirective;
  /** Offset just past the name. */
  nameEnd: number;
  /** The separator used between name and argument, if any. */
  separator: '=' | ':' | undefined;
  /** Offset where the argument starts (after the separator and OWS); `end` when there is none. */
  valueStart: number;
  /** Index of the element the directive came from. */
  element: number;
}

/** One list element (the text between two commas). */
interface Element {
  /** Offset of the comma before the element, or -1 for the first element. */
  commaBefore: number;
  /** Offset of the comma after the element, or -1 for the last element. */
  commaAfter: number;
  /** Start of the element's text after leading OWS. */
  contentStart: number;
  /** End of the element's text before trailing OWS (`=== contentStart` when empty). */
  contentEnd: number;
  /** Directive info when the element held a (possibly slightly malformed) directive. */
  info: DirectiveInfo | undefined;
}

interface InternalParse {
  input: string;
  elements: Element[];
  infos: DirectiveInfo[];
  problems: CacheControlProblem[];
  /** Problems about `:` used instead of `=`, by element index (the checker may replace them). */
  colonProblems: Map<number, CacheControlProblem>;
}

function skipOws(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && isOws(s.charCodeAt(p))) p++;
  return p;
}

/** Offset just past the last non-OWS character in `[from, to)`, or `from`. */
function trimEnd(s: string, from: number, to: number): number {
  let p = to;
  while (p > from && isOws(s.charCodeAt(p - 1))) p--;
  return p;
}

/**
 * Skip from `pos` to the next list comma (or the end), jumping over quoted
 * strings so that commas inside them do not end the element.
 */
function recover(s: string, pos: number): number {
  let p = pos;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 0x2c) return p; // ,
    if (c === 0x22) {
      // "
      p++;
      while (p < s.length) {
        const q = s.charCodeAt(p);
        if (q === 0x5c) p += 2;
        else if (q === 0x22) break;
        else p++;
      }
      p++;
      continue;
    }
    p++;
  }
  return s.length;
}

interface QuotedResult {
  /** Offset just past the closing quote, or -1 when unterminated. */
  end: number;
  value: string;
  /** A character not allowed in a quoted-string was seen. */
  invalid: boolean;
}

function parseQuoted(s: string, open: number): QuotedResult {
  let p = open + 1;
  let value = '';
  let invalid = false;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === 0x22) return { end: p + 1, value, invalid };
    if (c === 0x5c) {
      if (p + 1 >= s.length) break;
      const next = s.charCodeAt(p + 1);
      if (!isQuotedPairChar(next)) invalid = true;
      value += s[p + 1];
      p += 2;
      continue;
    }
    if (!isQdtext(c)) invalid = true;
    value += s[p];
    p++;
  }
  return { end: -1, value, invalid };
}

function internalParse(input: unknown): InternalParse {
  const s = typeof input === 'string' ? input : '';
  const result: InternalParse = { input: s, elements: [], infos: [], problems: [], colonProblems: new Map() };

  if (/^[ \t\r\n]*$/.test(s)) {
    result.problems.push({ kind: 'empty-value', start: 0, end: s.length });
    return result;
  }

  const syntax = (start: number, end: number, directive: string | undefined, fix?: CacheControlEdit) => {
    const problem: CacheControlProblem = { kind: 'syntax', start, end };
    if (directive !== undefined) problem.directive = directive;
    if (fix) problem.fix = fix;
    result.problems.push(problem);
    return problem;
  };

  let pos = 0;
  let commaBefore = -1;
  // Each iteration consumes one element and either stops at the end of the
  // input or steps over exactly one comma, so the loop always terminates.
  for (;;) {
    const contentStart = skipOws(s, pos);
    const element: Element = { commaBefore, commaAfter: -1, contentStart, contentEnd: contentStart, info: undefined };
    const index = result.elements.length;
    result.elements.push(element);

    let p = contentStart;
    /** Report an unparseable element from `contentStart`, skipping to the next comma. */
    const hardError = (at: number) => {
      const stop = recover(s, at);
      element.contentEnd = trimEnd(s, contentStart, stop);
      syntax(contentStart, element.contentEnd, s.slice(contentStart, element.contentEnd));
      return stop;
    };

    if (p < s.length && s.charCodeAt(p) !== 0x2c) {
      const nameStart = p;
      while (p < s.length && isTchar(s.charCodeAt(p))) p++;
      const nameEnd = p;
      if (nameEnd === nameStart) {
        p = hardError(p);
      } else {
        const rawName = s.slice(nameStart, nameEnd);
        const afterName = skipOws(s, nameEnd);
        const c = afterName < s.length ? s.charCodeAt(afterName) : -1;
        if (c === -1 || c === 0x2c) {
          element.contentEnd = nameEnd;
          const directive: CacheControlDirective = {
            name: rawName.toLowerCase(),
            rawName,
            value: undefined,
            quoted: false,
            start: nameStart,
            end: nameEnd,
          };
          element.info = { directive, nameEnd, separator: undefined, valueStart: nameEnd, element: index };
          p = afterName;
        } else if (c === 0x3d || c === 0x3a) {
          // "=" or ":"
          const separator = c === 0x3d ? '=' : ':';
          const valueStart = skipOws(s, afterName + 1);
          const v = valueStart < s.length ? s.charCodeAt(valueStart) : -1;
          let valueEnd = -1;
          let value = '';
          let quoted = false;
          let bad = false;
          if (v === 0x22) {
            const q = parseQuoted(s, valueStart);
            if (q.end === -1 || q.invalid) {
              bad = true;
              p = hardError(q.end === -1 ? s.length : q.end);
            } else {
              valueEnd = q.end;
              value = q.value;
              quoted = true;
            }
          } else if (v !== -1 && isTchar(v)) {
            valueEnd = valueStart;
            while (valueEnd < s.length && isTchar(s.charCodeAt(valueEnd))) valueEnd++;
            value = s.slice(valueStart, valueEnd);
          } else if (v === -1 || v === 0x2c) {
            // `name=` with nothing after it: keep the directive, report below.
            valueEnd = valueStart;
          } else {
            bad = true;
            p = hardError(valueStart);
          }
          if (!bad) {
            const after = skipOws(s, valueEnd);
            if (after < s.length && s.charCodeAt(after) !== 0x2c) {
              // Trailing garbage such as `max-age=60 30` or `max-age=60;public`.
              p = hardError(after);
            } else {
              const empty = valueEnd === valueStart;
              const end = empty ? afterName + 1 : valueEnd;
              element.contentEnd = end;
              const directive: CacheControlDirective = {
                name: rawName.toLowerCase(),
                rawName,
                value,
                quoted,
                start: nameStart,
                end,
              };
              element.info = { directive, nameEnd, separator, valueStart: empty ? end : valueStart, element: index };
              const text = s.slice(nameStart, end);
              if (separator === ':') {
                result.colonProblems.set(index, syntax(afterName, afterName + 1, text));
              } else if (afterName !== nameEnd || (!empty && valueStart !== afterName + 1)) {
                // Whitespace around "=": not allowed by the grammar, meaning is clear.
                const wsEnd = empty ? afterName + 1 : valueStart;
                syntax(nameEnd, wsEnd, text, { start: nameEnd, end: wsEnd, text: '=' });
              }
              if (empty) syntax(afterName, afterName + 1, text);
              p = after;
            }
          }
        } else {
          // `max-age 60`, `no-store;`, `foo@bar`, ...
          p = hardError(afterName);
        }
      }
    }

    if (element.info) result.infos.push(element.info);
    if (p >= s.length) break;
    // Here s[p] is the comma that ends this element.
    element.commaAfter = p;
    commaBefore = p;
    pos = p + 1;
  }

  reportEmptyElements(result);
  return result;
}

function reportEmptyElements(result: InternalParse): void {
  const s = result.input;
  const { elements } = result;
  if (elements.every((e) => e.contentEnd === e.contentStart)) {
    // Nothing but commas and whitespace.
    result.problems.unshift({ kind: 'empty-value', start: 0, end: s.length });
    return;
  }
  for (const e of elements) {
    if (e.contentEnd !== e.contentStart) continue;
    let start: number;
    let end: number;
    let fix: CacheControlEdit;
    if (e.commaBefore === -1) {
      // Leading empty element: `, max-age=60`.
      start = 0;
      end = e.commaAfter + 1;
      fix = { start: 0, end: skipOws(s, e.commaAfter + 1), text: '' };
    } else if (e.commaAfter === -1) {
      // Trailing empty element: `max-age=60, `.
      start = e.commaBefore;
      end = s.length;
      fix = { start: trimEnd(s, 0, e.commaBefore), end: s.length, text: '' };
    } else {
      // `max-age=60,,public`: drop the first comma and the space up to the second.
      start = e.commaBefore;
      end = e.commaAfter + 1;
      fix = { start: e.commaBefore, end: e.commaAfter, text: '' };
    }
    result.problems.push({ kind: 'empty-element', start, end, fix });
  }
}

function toPublic(parse: InternalParse): ParsedCacheControl {
  return { directives: parse.infos.map((i) => i.directive), problems: sortProblems(parse.problems) };
}

function sortProblems(problems: CacheControlProblem[]): CacheControlProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.start - b.problem.start || a.problem.end - b.problem.end || a.index - b.index)
    .map((x) => x.problem);
}

/**
 * Parse a `Cache-Control` field value into its directives.
 *
 * Reports syntax-level problems only (`empty-value`, `empty-element`,
 * `syntax`); use {@link checkCacheControl} for the semantic checks. Never
 * throws; parsing always terminates in time linear in the input length.
 *
 * @param value - the field value, e.g. `public, max-age=60`
 */
export function parseCacheControl(value: string): ParsedCacheControl {
  return toPublic(internalParse(value));
}

// ---------------------------------------------------------------------------
// Helpers on parsed values

/**
 * Whether the parsed value contains the directive `name` (case-insensitive).
 *
 * @param parsed - result of {@link parseCacheControl}
 * @param name - directive name, e.g. `no-store`
 */
export function hasDirective(parsed: ParsedCacheControl, name: string): boolean {
  return getDirective(parsed, name) !== undefined;
}

/**
 * The first occurrence of directive `name` (case-insensitive), or `undefined`.
 * The first occurrence is the one RFC 9111 §4.2.1 tells caches to use.
 *
 * @param parsed - result of {@link parseCacheControl}
 * @param name - directive name, e.g. `max-age`
 */
export function getDirective(parsed: ParsedCacheControl, name: string): CacheControlDirective | undefined {
  const wanted = name.toLowerCase();
  return parsed.directives.find((d) => d.name === wanted);
}

/**
 * The directive's delta-seconds argument as a number, or `undefined` when the
 * directive is absent, has no argument, or its argument is not `1*DIGIT`.
 * A quoted argument (`max-age="60"`) is accepted, as RFC 9111 §5.2 asks of
 * recipients. Values beyond 2^31 are clamped to 2147483648 (RFC 9111 §1.2.2).
 *
 * @param d - a directive, typically from {@link getDirective}
 */
export function deltaSeconds(d: CacheControlDirective | undefined): number | undefined {
  if (!d || d.value === undefined || !isDigits(d.value)) return undefined;
  if (exceedsMaxDelta(d.value)) return MAX_DELTA_SECONDS;
  return Number(d.value);
}

/** Whether a digit string is larger than 2^31, without losing precision. */
function exceedsMaxDelta(digits: string): boolean {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  const max = String(MAX_DELTA_SECONDS);
  if (trimmed.length !== max.length) return trimmed.length > max.length;
  return trimmed > max;
}

function secondsOf(parsed: ParsedCacheControl, name: string): number | undefined {
  return deltaSeconds(getDirective(parsed, name));
}

/** Unqualified (no field list) `private` / `no-cache`. */
function hasUnqualified(parsed: ParsedCacheControl, name: string): boolean {
  const d = getDirective(parsed, name);
  return d !== undefined && d.value === undefined;
}

/**
 * Whether a shared cache (CDN, proxy) may store the response: `public`, or
 * `s-maxage`, or `max-age` > 0 — and neither `no-store` nor an unqualified
 * `private` is present. `no-cache` still allows storing, so it does not make
 * this false; `private="Field"` only restricts the named fields, so it does not
 * either.
 *
 * @param parsed - result of {@link parseCacheControl}
 */
export function isSharedCacheable(parsed: ParsedCacheControl): boolean {
  if (hasDirective(parsed, 'no-store') || hasUnqualified(parsed, 'private')) return false;
  return (
    hasDirective(parsed, 'public') || hasDirective(parsed, 's-maxage') || (secondsOf(parsed, 'max-age') ?? 0) > 0
  );
}

/**
 * Whether the value keeps the response out of shared caches entirely:
 * `private` without a field list, or `no-store`.
 *
 * @param parsed - result of {@link parseCacheControl}
 */
export function isPrivateOrNoStore(parsed: ParsedCacheControl): boolean {
  return hasDirective(parsed, 'no-store') || hasUnqualified(parsed, 'private');
}

/**
 * Whether the value lets some cache reuse the response without revalidating
 * it: `public`, `s-maxage`>0, `max-age`>0, `immutable`,
 * `stale-while-revalidate`>0 or `stale-if-error`>0 — unless `no-store` or an
 * unqualified `no-cache` is present. `max-age=0` alone is not caching.
 *
 * @param parsed - result of {@link parseCacheControl}
 */
export function isCachingValue(parsed: ParsedCacheControl): boolean {
  if (hasDirective(parsed, 'no-store') || hasUnqualified(parsed, 'no-cache')) return false;
  if (hasDirective(parsed, 'public') || hasDirective(parsed, 'immutable')) return true;
  return ['s-maxage', 'max-age', 'stale-while-revalidate', 'stale-if-error'].some(
    (name) => (secondsOf(parsed, name) ?? 0) > 0,
  );
}

// ---------------------------------------------------------------------------
// Checking

/**
 * Damerau-Levenshtein distance (adjacent transpositions count as one edit),
 * giving up early with `limit + 1` when the lengths differ too much.
 */
function damerauLevenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 2;
  const cols = b.length + 2;
  const inf = a.length + b.length;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => i * cols + j;
  d[at(0, 0)] = inf;
  for (let i = 0; i <= a.length; i++) {
    d[at(i + 1, 0)] = inf;
    d[at(i + 1, 1)] = i;
  }
  for (let j = 0; j <= b.length; j++) {
    d[at(0, j + 1)] = inf;
    d[at(1, j + 1)] = j;
  }
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= a.length; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= b.length; j++) {
      const i1 = lastRow.get(b[j - 1] ?? '') ?? 0;
      const j1 = lastMatchCol;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[at(i + 1, j + 1)] = Math.min(
        (d[at(i, j)] ?? inf) + cost,
        (d[at(i + 1, j)] ?? inf) + 1,
        (d[at(i, j + 1)] ?? inf) + 1,
        (d[at(i1, j1)] ?? inf) + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(a[i - 1] ?? '', i);
  }
  return d[at(a.length + 1, b.length + 1)] ?? inf;
}

/** The directive meant by an unknown lower-cased name when that is unambiguous. */
function certainCorrection(name: string): string | undefined {
  const typo = TYPOS.get(name);
  if (typo) return typo;
  const dashed = name.replace(/_/g, '-');
  if (KNOWN_DIRECTIVES.has(dashed)) return dashed;
  return KNOWN_BY_SQUASHED.get(name.replace(/[-_]/g, ''));
}

/** The only known directive within edit distance 2 of `name`, if exactly one is. */
function likelyCorrection(name: string): string | undefined {
  const normalized = name.replace(/_/g, '-');
  let found: string | undefined;
  for (const known of KNOWN_DIRECTIVES.keys()) {
    if (damerauLevenshtein(normalized, known, 2) <= 2) {
      if (found !== undefined) return undefined;
      found = known;
    }
  }
  return found;
}

/** An edit deleting element `index` and one adjacent separator, keeping the list well-formed. */
function removeElement(parse: InternalParse, index: number): CacheControlEdit {
  const { elements } = parse;
  const target = elements[index];
  if (!target) return { start: 0, end: 0, text: '' };
  const hasContent = (e: Element | undefined) => e !== undefined && e.contentEnd > e.contentStart;
  for (let j = index - 1; j >= 0; j--) {
    const prev = elements[j];
    if (prev && hasContent(prev)) return { start: prev.contentEnd, end: target.contentEnd, text: '' };
  }
  for (let k = index + 1; k < elements.length; k++) {
    const next = elements[k];
    if (next && hasContent(next)) return { start: target.contentStart, end: next.contentStart, text: '' };
  }
  return { start: target.contentStart, end: target.contentEnd, text: '' };
}

/** Options for {@link checkCacheControl}. */
export interface CheckCacheControlOptions {
  /**
   * Extension directive names (case-insensitive) that are expected in the
   * value; they are never reported as `misspelled`.
   */
  allowedDirectives?: readonly string[];
}

/**
 * Check a `Cache-Control` field value: syntax (as {@link parseCacheControl})
 * plus arguments, misspellings, duplicates and contradictions. Problems are
 * sorted by `start`. `fix` edits are safe to apply automatically;
 * `suggestion` edits need a human.
 *
 * @param value - the field value, e.g. `public, max-age=60`
 * @param options - see {@link CheckCacheControlOptions}
 */
export function checkCacheControl(value: string, options?: CheckCacheControlOptions): CacheControlProblem[] {
  const parse = internalParse(value);
  const s = parse.input;
  const problems = parse.problems;
  const allowed = new Set((options?.allowedDirectives ?? []).map((name) => String(name).toLowerCase()));
  const textOf = (d: CacheControlDirective) => s.slice(d.start, d.end);
  const argumentText = (info: DirectiveInfo) =>
    info.directive.value === undefined ? '' : s.slice(info.valueStart, info.directive.end);

  const add = (problem: CacheControlProblem) => problems.push(problem);
  /** Directives reported as misspelled; they take no part in contradictions. */
  const misspelled = new Set<DirectiveInfo>();

  for (const info of parse.infos) {
    const d = info.directive;
    const text = textOf(d);
    const kind = KNOWN_DIRECTIVES.get(d.name);

    if (info.separator === ':') {
      // `max-age:60`: a colon where "=" belongs, on a directive that takes an argument.
      const certain = kind !== undefined ? d.name : allowed.has(d.name) ? undefined : certainCorrection(d.name);
      const meant = certain ?? (kind !== undefined || allowed.has(d.name) ? undefined : likelyCorrection(d.name));
      const meantKind = meant === undefined ? undefined : KNOWN_DIRECTIVES.get(meant);
      if (meant !== undefined && meantKind !== undefined && meantKind !== 'none') {
        const colonProblem = parse.colonProblems.get(info.element);
        const at = colonProblem ? problems.indexOf(colonProblem) : -1;
        if (at !== -1) problems.splice(at, 1);
        const name = kind !== undefined ? d.rawName : meant;
        const edit: CacheControlEdit =
          kind !== undefined
            ? { start: info.nameEnd, end: info.valueStart, text: '=' }
            : { start: d.start, end: info.valueStart, text: `${meant}=` };
        const problem: CacheControlProblem = {
          kind: 'misspelled',
          start: d.start,
          end: d.end,
          directive: text,
          expected: `${name}=${argumentText(info)}`,
        };
        if (certain !== undefined) problem.fix = edit;
        else problem.suggestion = edit;
        add(problem);
        misspelled.add(info);
        continue;
      }
    }

    if (kind === undefined) {
      if (allowed.has(d.name)) continue;
      const arg = d.value === undefined ? '' : `=${argumentText(info)}`;
      const certain = certainCorrection(d.name);
      if (certain !== undefined) {
        add({
          kind: 'misspelled',
          start: d.start,
          end: d.end,
          directive: text,
          expected: `${certain}${arg}`,
          fix: { start: d.start, end: info.nameEnd, text: certain },
        });
        misspelled.add(info);
        continue;
      }
      const likely = likelyCorrection(d.name);
      if (likely !== undefined) {
        add({
          kind: 'misspelled',
          start: d.start,
          end: d.end,
          directive: text,
          expected: `${likely}${arg}`,
          suggestion: { start: d.start, end: info.nameEnd, text: likely },
        });
        misspelled.add(info);
      }
      // Anything else is an extension directive, which RFC 9111 §5.2.3 allows.
      continue;
    }

    if (info.separator === ':') continue; // already reported as syntax; arguments unreliable
    const emptyArgument = d.value === '' && !d.quoted;

    if (kind === 'none') {
      if (d.value !== undefined) {
        add({
          kind: 'unexpected-argument',
          start: d.start,
          end: d.end,
          directive: text,
          fix: { start: info.nameEnd, end: d.end, text: '' },
        });
      }
    } else if (kind === 'seconds') {
      if (d.value === undefined) {
        if (!OPTIONAL_SECONDS.has(d.name)) add({ kind: 'missing-argument', start: d.start, end: d.end, directive: text });
      } else if (!emptyArgument) {
        if (!isDigits(d.value)) {
          add({ kind: 'invalid-seconds', start: info.valueStart, end: d.end, directive: text });
        } else {
          if (d.quoted) {
            // Recipients accept `max-age="60"`, but senders must use the token form.
            add({
              kind: 'syntax',
              start: info.valueStart,
              end: d.end,
              directive: text,
              fix: { start: info.valueStart, end: d.end, text: d.value },
            });
          }
          if (exceedsMaxDelta(d.value)) {
            add({ kind: 'out-of-range', start: info.valueStart, end: d.end, directive: text });
          }
        }
      }
    } else if (d.quoted && d.value !== undefined) {
      // optional-field-list: the quoted argument must be a list of field names.
      const names = d.value.split(',').map((part) => part.replace(/^[ \t]+|[ \t]+$/g, ''));
      if (names.some((part) => part !== '' && !isToken(part))) {
        add({ kind: 'syntax', start: info.valueStart, end: d.end, directive: text });
      }
    }
  }

  // Duplicates: the same directive name more than once.
  const first = new Map<string, DirectiveInfo>();
  for (const info of parse.infos) {
    const previous = first.get(info.directive.name);
    if (!previous) {
      first.set(info.directive.name, info);
      continue;
    }
    add({
      kind: 'duplicate',
      start: info.directive.start,
      end: info.directive.end,
      directive: textOf(info.directive),
      other: textOf(previous.directive),
      suggestion: removeElement(parse, info.element),
    });
  }

  // Contradictions, between first occurrences (the ones caches obey).
  const get = (name: string) => first.get(name);
  const positive = (name: string) => {
    const info = get(name);
    return info !== undefined && (deltaSeconds(info.directive) ?? 0) > 0 ? info : undefined;
  };
  const unqualified = (name: string) => {
    const info = get(name);
    return info !== undefined && info.directive.value === undefined ? info : undefined;
  };
  const contradiction = (weaker: DirectiveInfo | undefined, stronger: DirectiveInfo | undefined) => {
    if (!weaker || !stronger || misspelled.has(weaker) || misspelled.has(stronger)) return;
    add({
      kind: 'contradiction',
      start: weaker.directive.start,
      end: weaker.directive.end,
      directive: textOf(weaker.directive),
      other: textOf(stronger.directive),
      suggestion: removeElement(parse, weaker.element),
    });
  };
  const noStore = get('no-store');
  contradiction(positive('max-age'), noStore);
  contradiction(positive('s-maxage'), noStore);
  contradiction(positive('stale-while-revalidate'), noStore);
  contradiction(get('immutable'), noStore);
  contradiction(get('public'), noStore);
  contradiction(get('public'), unqualified('private'));
  contradiction(get('immutable'), unqualified('no-cache'));

  return sortProblems(problems);
}
