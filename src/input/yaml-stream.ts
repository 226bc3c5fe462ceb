// The YAML stream parsed with limits (see limits.ts). The parser is fed one lexical token at a
// time, so the nesting depth, the size of a scalar and the number of aliases are known as the text
// is read: a document past a limit is dropped before it is built (a deeply nested one would
// overflow the stack of the parser itself), and reading resumes at the next document marker.
import { Composer, Lexer, Parser, type Document, type LineCounter } from 'yaml';
import { MAX_ALIASES, MAX_DEPTH, MAX_SCALAR_CHARS } from './limits.js';

/** A document not built because it went past a limit; `offset` is where the limit was hit. */
export interface RefusedDocument {
  refused: true;
  code: 'object-too-deep' | 'input-too-large';
  message: string;
  offset: number;
}

const withAliases = new WeakSet<Document.Parsed>();

/** Does the document hold an alias (then its value may share nodes: see expansion.ts)? */
export function hasAliases(doc: Document.Parsed): boolean {
  return withAliases.has(doc);
}

export function isRefused(doc: Document.Parsed | RefusedDocument): doc is RefusedDocument {
  return (doc as RefusedDocument).refused === true;
}

/** The lexeme the lexer inserts where a document starts without `---`. */
const DOC_MODE = '\x02';

/**
 * Documents of a YAML stream given in pieces (one, or as `yamlPieces` cuts them). The parser reads
 * each piece as far as it can and keeps the rest for the next; offsets count from the stream's start.
 */
export function* composeAll(chunks: Iterable<string>, lineCounter: LineCounter): Generator<Document.Parsed | RefusedDocument> {
  // A line start may be reported twice (the parser again, or a skipped document's lines).
  const addLine = (offset: number): void => {
    const starts = lineCounter.lineStarts;
    if (starts.length === 0 || starts[starts.length - 1]! < offset) lineCounter.addNewLine(offset);
  };
  // merge: `<<` keys, which kubectl accepts. uniqueKeys: a repeated key is kept, and the last
  // one wins, as in kubectl (see yaml-checks.ts, which reports it). logLevel: the parser would
  // print some warnings itself through process.emitWarning; yaml-checks.ts reports them instead.
  const composer = new Composer({ keepSourceTokens: false, merge: true, uniqueKeys: false, logLevel: 'error' });
  const lexer = new Lexer();
  let parser: Parser | undefined = new Parser(addLine);
  addLine(0);
  let offset = 0; // where the next lexeme starts (kept by the parser while there is one)
  let aliases = 0;
  let atScalar = false;
  let atLineStart = true;
  let yielded = false;
  const aliasCounts: number[] = []; // of the documents handed to the composer and not yet built

  function* built(docs: Iterable<Document.Parsed>): Generator<Document.Parsed> {
    for (const doc of docs) {
      if ((aliasCounts.shift() ?? 0) > 0) withAliases.add(doc);
      yielded = true;
      yield doc;
    }
  }

  function* refuse(code: RefusedDocument['code'], message: string, at: number): Generator<Document.Parsed | RefusedDocument> {
    // The documents before this one come first; this one's tokens are dropped with its parser.
    yield* built(composer.end(false));
    parser = undefined;
    yielded = true;
    yield { refused: true, code, message, offset: at };
  }

  function* lexemes(source: string, incomplete: boolean): Generator<Document.Parsed | RefusedDocument> {
    for (let lexeme of lexer.lex(source, incomplete)) {
      const c = lexeme.charCodeAt(0);
      const control = lexeme.length === 1 && (c === 0x02 || c === 0x18 || c === 0x1f); // DOC_MODE, FLOW_ERROR_END, SCALAR
      if (!parser) {
        // Skipping a refused document, up to the next one: its lines are still counted.
        if (lexeme === '---' || lexeme === DOC_MODE) {
          parser = new Parser(addLine);
          parser.offset = offset;
          aliases = 0;
        } else {
          if (!control) countLines(lexeme, offset, addLine);
          if (!control) offset += lexeme.length;
          continue;
        }
      }
      offset = parser.offset;
      if (atScalar && c === 0xfeff && atLineStart) {
        // A byte-order mark at the start of a line, as when files are concatenated (`cat a.yaml
        // b.yaml`): go-yaml, which kubectl reads with, skips it there; so does this reader.
        parser.offset++;
        lexeme = lexeme.slice(1);
      }
      if (lexeme.length > MAX_SCALAR_CHARS && (atScalar || c === 0x22 || c === 0x27)) {
        yield* refuse('input-too-large', `a scalar of ${mib(lexeme.length)} MiB is longer than the limit of ${mib(MAX_SCALAR_CHARS)} MiB (no object a cluster stores holds one); the document is skipped`, offset);
        countLines(lexeme, offset, addLine);
        offset += lexeme.length;
        atScalar = false;
        continue;
      }
      if (atScalar) atScalar = false;
      else {
        if (c === 0x2a && ++aliases > MAX_ALIASES) {
          // `*`: an alias
          yield* refuse('input-too-large', `the document has more than ${MAX_ALIASES} aliases, the limit for one document; it is skipped`, offset);
          offset += lexeme.length;
          continue;
        }
        if (!control) atLineStart = c === 0x0a || c === 0x0d; // `\n`, `\r\n`
        atScalar = control && c === 0x1f;
      }
      for (const token of parser.next(lexeme)) {
        if (token.type === 'document') {
          aliasCounts.push(aliases);
          aliases = 0;
        }
        for (const doc of composer.next(token)) yield* built([doc]);
      }
      // One stack entry per open collection, plus the document's.
      if (parser.stack.length > MAX_DEPTH + 1) {
        yield* refuse('object-too-deep', `the document is nested more than ${MAX_DEPTH} levels deep, the limit (real objects stay far below it); it is skipped`, offset);
        offset += control ? 0 : lexeme.length;
      }
    }
    if (parser) offset = parser.offset;
  }

  let pending: string | undefined;
  let length = 0;
  for (const chunk of chunks) {
    if (pending !== undefined) yield* lexemes(pending, true);
    pending = chunk;
    length += chunk.length;
  }
  yield* lexemes(pending ?? '', false);
  if (parser) {
    for (const token of parser.end()) {
      if (token.type === 'document') aliasCounts.push(aliases);
      yield* built(composer.next(token));
    }
  }
  // An empty stream is one empty document, as the parser reads it; a refused one is a document already.
  yield* built(composer.end(!yielded, length));
}

function countLines(text: string, offset: number, addLine: (offset: number) => void): void {
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) addLine(offset + nl + 1);
}

function mib(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
