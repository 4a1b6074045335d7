import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxProblem, jsonSyntaxProblem } from './jsonSyntaxProblem';

describe('jsonSyntaxProblem', () => {
  it('is null for valid JSON of every kind', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9"], "b": {}} ', '"only"', '0', '[[[]]]']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonSyntaxProblem(text)).toBeNull();
    }
  });

  it('says where the text breaks (line, column, character) and why, for what JSON.parse refuses', () => {
    const cases: Array<[string, string, number, number, number]> = [
      ['{"a": Quillon}', 'unexpected_character', 1, 7, 6],
      ['{"name": "Quillon",\n  "b" 1}', 'unexpected_character', 2, 7, 26],
      ['{"a": "Quillon', 'unterminated_string', 1, 15, 14],
      ['{"a": 1,}', 'unexpected_character', 1, 9, 8],
      ['[1, 2 3]', 'unexpected_character', 1, 7, 6],
      ['{"a":"Quil\u0001lon"}', 'control_character', 1, 11, 10],
      ['', 'unexpected_end', 1, 1, 0],
      ['{"a": tru}', 'unexpected_character', 1, 10, 9],
      ['{"a": 1} x Quillon', 'trailing_content', 1, 10, 9],
      ['{"a": "\\q"}', 'bad_escape', 1, 9, 8],
      ['{"a": 01}', 'unexpected_character', 1, 8, 7],
      ['\uFEFF{}', 'unexpected_character', 1, 1, 0],
      ['{"a": [1, 2', 'unexpected_end', 1, 12, 11],
    ];
    for (const [text, reason, line, column, offset] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect({ text, problem: jsonSyntaxProblem(text) }).toEqual({ text, problem: { reason, line, column, offset } });
    }
  });

  it('locates a fault a million brackets deep without overflowing the stack', () => {
    const text = `${'['.repeat(1_000_000)}x`;
    expect(jsonSyntaxProblem(text)).toMatchObject({ reason: 'unexpected_character', offset: 1_000_000 });
  });

  it('describes a problem without any of the text', () => {
    const problem = jsonSyntaxProblem('{"Quillon": Zbrawski}')!;
    const sentence = describeJsonSyntaxProblem(problem);
    expect(sentence).toBe('a character JSON does not allow there at line 1, column 13 (character 13; unexpected_character)');
  });
});
