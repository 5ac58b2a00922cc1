'use strict';
// The document the client tests open and what the server must say about it, worked out by hand from the text.
// Positions are LSP's: zero-based lines, UTF-16 code units.

const { readFixture } = require('./session');

// tests/fixtures/postmortem-problems.md with one line added to its Summary: CJK (one UTF-16 unit each) and two
// astral emoji (two units each) before a [FILL IN], so the placeholder starts at UTF-16 column 20, while it is at
// code point 18 and UTF-8 byte 30. A server counting anything but UTF-16 units gets the column wrong.
const EMOJI_LINE = '支付 😀 checkout 🚀 — [FILL IN]';
const problemsDocument = () => {
  const fixture = readFixture('postmortem-problems.md');
  if (!fixture.includes('## Summary\n[FILL IN]\n')) throw new Error('fixture postmortem-problems.md changed shape');
  return fixture.replace('## Summary\n[FILL IN]\n', `## Summary\n[FILL IN]\n${EMOJI_LINE}\n`);
};

const E = 1; // DiagnosticSeverity.Error
const W = 2; // DiagnosticSeverity.Warning

/** [line, startCharacter, endCharacter, severity, code, message fragment] */
const problemsDiagnostics = [
  [2, 9, 18, E, 'LT010', 'created: "yesterday" is not an ISO 8601 date'],
  [3, 10, 18, E, 'LT009', 'severity: "critical" is not one of SEV1'],
  [6, 2, 24, E, 'LT002', 'missing the "Impact" section'],
  [6, 2, 24, E, 'LT002', 'missing the "Detection" section'],
  [6, 2, 24, E, 'LT002', 'missing the "Response" section'],
  [9, 0, 9, W, 'LT001', 'Unfilled placeholder [FILL IN] in "Summary"'],
  [10, 20, 29, W, 'LT001', 'Unfilled placeholder [FILL IN] in "Summary"'],
  [14, 2, 11, W, 'LT004', 'Timeline entry at 09:55 UTC is earlier than the entry before it (10:05 UTC)'],
  [15, 2, 7, W, 'LT005', '"25:70 — Something happened." does not start with a readable time'],
  [16, 2, 8, W, 'LT005', '"Around lunch — Team noticed." does not start with a readable time'],
  [17, 2, 11, W, 'LT001', 'Unfilled placeholder [FILL IN] in "Timeline"'],
  [19, 3, 13, W, 'LT003', 'Section "Root cause" is empty'],
  [21, 3, 13, W, 'LT008', 'Section "Root Cause" duplicates "Root cause" on line 20'],
  [25, 2, 34, W, 'LT006', 'Action item has no owner'],
  [25, 2, 34, W, 'LT007', 'Action item has no priority'],
  [26, 2, 26, W, 'LT006', 'Action item has no owner'],
  [27, 2, 33, W, 'LT007', 'Action item has no priority'],
];

/** The outline: [name, kind, [startLine, startChar, endLine, endChar], children?] (SymbolKind File=1, String=15, Key=20, Event=24). */
const problemsOutline = [
  ['Search indexer backlog', 1, [6, 0, 27, 33], [
    ['Summary', 15, [8, 0, 10, 29]],
    ['Timeline', 15, [12, 0, 17, 30], [
      ['10:05 UTC Queue depth alert.', 24, [13, 0, 13, 32]],
      ['09:55 UTC Deploy of indexer v3.2.', 24, [14, 0, 14, 37]],
      ['25:70 — Something happened.', 24, [15, 0, 15, 29]],
      ['Around lunch — Team noticed.', 24, [16, 0, 16, 30]],
      ['[FILL IN] Mitigation actions', 24, [17, 0, 17, 30]],
    ]],
    ['Root cause', 15, [19, 0, 19, 13]],
    ['Root Cause', 15, [21, 0, 22, 29]],
    ['Action items', 15, [24, 0, 27, 33], [
      ['Add backpressure to the consumer', 20, [25, 0, 25, 34]],
      ['P1 Add queue depth alert', 20, [26, 0, 26, 26]],
      ['Review batch size — Search team', 20, [27, 0, 27, 33]],
    ]],
  ]],
];

const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** Diagnostics reduced to comparable tuples, sorted, so order of publication does not matter. */
function tuples(diagnostics) {
  return diagnostics
    .map((d) => {
      if (d.range.start.line !== d.range.end.line) throw new Error(`unexpected multi-line diagnostic ${JSON.stringify(d)}`);
      return [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code, d.message];
    })
    .sort(compareTuples);
}

function compareTuples(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

/**
 * Checks a set of diagnostics against expected tuples whose last element is a message fragment; returns a list of
 * problems (empty when they match exactly), so an assertion failure shows every difference at once.
 */
function diffDiagnostics(actual, expected) {
  const got = tuples(actual);
  const want = [...expected].sort(compareTuples);
  const problems = [];
  const key = (t) => t.slice(0, 5).join(':');
  const remaining = [...got];
  for (const w of want) {
    const i = remaining.findIndex((g) => key(g) === key(w) && g[5].includes(w[5]));
    if (i < 0) problems.push(`missing ${JSON.stringify(w)}`);
    else remaining.splice(i, 1);
  }
  for (const g of remaining) problems.push(`unexpected ${JSON.stringify(g)}`);
  return problems;
}

/** The outline as nested tuples in the same shape as problemsOutline. */
function outlineShape(symbols) {
  return symbols.map((s) => {
    const r = s.range;
    const row = [s.name, s.kind, [r.start.line, r.start.character, r.end.line, r.end.character]];
    if (s.children && s.children.length > 0) row.push(outlineShape(s.children));
    return row;
  });
}

module.exports = { EMOJI_LINE, problemsDocument, problemsDiagnostics, problemsOutline, diffDiagnostics, outlineShape, range };
