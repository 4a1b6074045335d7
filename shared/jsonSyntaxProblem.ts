/**
 * Where a JSON text stops being JSON, told without any of its content: a damaged file's own words can
 * be a child's name, and an error message is shown, logged and copied into emails (docs/guarantees.md,
 * "Private on a shared laptop"). JSON.parse's message quotes the text around the fault, so Mapio never
 * shows it: it reports this instead, a reason code and the place (line, column, character).
 */

import { fieldIssue, type FieldIssue, type IssueCode } from './fieldIssues';

export type JsonSyntaxReason = 'unexpected_character' | 'unexpected_end' | 'unterminated_string' | 'bad_escape' | 'control_character' | 'trailing_content';

export interface JsonSyntaxProblem {
  reason: JsonSyntaxReason;
  /** 0-based offset of the fault (UTF-16 code units, as JavaScript counts). */
  offset: number;
  /** 1-based line and column of the fault. */
  line: number;
  column: number;
}

const REASON_WORDS: Record<JsonSyntaxReason, string> = {
  unexpected_character: 'a character JSON does not allow there',
  unexpected_end: 'it ends too soon',
  unterminated_string: 'a text value that is never closed',
  bad_escape: 'a backslash escape JSON does not have',
  control_character: 'a control character inside a text value',
  trailing_content: 'more after the end of the document',
};

const ISSUE_OF: Record<JsonSyntaxReason, IssueCode> = {
  unexpected_character: 'jsonUnexpectedCharacter',
  unexpected_end: 'jsonUnexpectedEnd',
  unterminated_string: 'jsonUnterminatedString',
  bad_escape: 'jsonBadEscape',
  control_character: 'jsonControlCharacter',
  trailing_content: 'jsonTrailingContent',
};

/** A problem as a field issue: its reason as the code, the place as the specifics (worded at the edge). */
export function jsonSyntaxIssue(path: string, problem: JsonSyntaxProblem): FieldIssue {
  return fieldIssue(path, ISSUE_OF[problem.reason], { line: problem.line, column: problem.column, character: problem.offset + 1 });
}

/** The English sentence for a problem (a return's refusal reason): the reason and where, never the text. */
export function describeJsonSyntaxProblem(problem: JsonSyntaxProblem): string {
  return `${REASON_WORDS[problem.reason]} at line ${problem.line}, column ${problem.column} (character ${problem.offset + 1}; ${problem.reason})`;
}

class Fault {
  constructor(
    readonly reason: JsonSyntaxReason,
    readonly offset: number,
  ) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]$/;
const DIGIT = /^[0-9]$/;

/**
 * The first place `text` breaks the JSON grammar (RFC 8259), or null when it is valid JSON. Iterative, so
 * a hostile file nested a million deep is located, not a stack overflow.
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const fault = locate(text);
  if (!fault) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < fault.offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { reason: fault.reason, offset: fault.offset, line, column: fault.offset - lineStart + 1 };
}

function locate(text: string): Fault | null {
  const n = text.length;
  let i = 0;
  const stack: Array<'[' | '{'> = [];
  const skipWhitespace = () => {
    while (i < n && WHITESPACE.has(text[i] as string)) i++;
  };
  const unexpected = (): Fault => new Fault(i >= n ? 'unexpected_end' : 'unexpected_character', i);

  const readString = (): Fault | null => {
    i++; // the opening quote
    for (;;) {
      if (i >= n) return new Fault('unterminated_string', i);
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return null;
      }
      if (c.charCodeAt(0) < 0x20) return new Fault('control_character', i);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) return new Fault('unterminated_string', i + 1);
        if (SIMPLE_ESCAPES.has(e)) i += 2;
        else if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!HEX.test(text[i + k] ?? '')) return new Fault(i + k >= n ? 'unterminated_string' : 'bad_escape', i + k);
          i += 6;
        } else return new Fault('bad_escape', i + 1);
      } else i++;
    }
  };

  const digits = (): boolean => {
    const start = i;
    while (i < n && DIGIT.test(text[i] as string)) i++;
    return i > start;
  };

  const readNumber = (): Fault | null => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return unexpected();
    if (text[i] === '.') {
      i++;
      if (!digits()) return unexpected();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return unexpected();
    }
    return null;
  };

  const readWord = (word: string): Fault | null => {
    for (const c of word) {
      if (text[i] !== c) return unexpected();
      i++;
    }
    return null;
  };

  /** After a value: close containers, or move to the next member; returns what to expect next. */
  type Next = 'value' | 'key' | 'done';
  const afterValue = (): Next | Fault => {
    for (;;) {
      skipWhitespace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? new Fault('trailing_content', i) : 'done';
      const c = text[i];
      if (c === ',') {
        i++;
        return top === '{' ? 'key' : 'value';
      }
      if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
        continue;
      }
      return unexpected();
    }
  };

  let next: Next = 'value';
  for (;;) {
    skipWhitespace();
    if (next === 'key') {
      if (text[i] !== '"') return unexpected();
      const f = readString();
      if (f) return f;
      skipWhitespace();
      if (text[i] !== ':') return unexpected();
      i++;
      next = 'value';
      continue;
    }
    const c = text[i];
    let fault: Fault | null = null;
    if (c === '{' || c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        next = c === '{' ? 'key' : 'value';
        continue;
      }
    } else if (c === '"') fault = readString();
    else if (c === '-' || (c !== undefined && DIGIT.test(c))) fault = readNumber();
    else if (c === 't') fault = readWord('true');
    else if (c === 'f') fault = readWord('false');
    else if (c === 'n') fault = readWord('null');
    else return unexpected();
    if (fault) return fault;
    const after = afterValue();
    if (after instanceof Fault) return after;
    if (after === 'done') return null;
    next = after;
  }
}
