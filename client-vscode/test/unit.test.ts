import assert from 'node:assert/strict';
import { test } from 'node:test';
import { platformFolder } from '../src/platform';
import { RestartPolicy } from '../src/restartPolicy';
import { DOCUMENT_SELECTOR } from '../src/documentSelector';
import { issueClipboard } from '../src/copyAsIssue';
import { declaredKind, readFrontMatter } from '../src/frontMatter';
import { incidentTemplate, POSTMORTEM_SECTIONS, postmortemTemplate, readIncidentHeader, slugify } from '../src/templateText';

test('platform folders are .NET runtime ids', () => {
  assert.equal(platformFolder('linux', 'x64'), 'linux-x64');
  assert.equal(platformFolder('darwin', 'arm64'), 'osx-arm64');
  assert.equal(platformFolder('win32', 'x64'), 'win-x64');
});

test('restart policy allows `limit` restarts per window, then again once the window has passed', () => {
  const p = new RestartPolicy(3, 1000);
  assert.deepEqual([0, 10, 20, 30].map((t) => p.allowRestart(t)), [true, true, true, false]);
  assert.equal(p.allowRestart(1015), true);
});

test('slugify keeps letters of any script and drops punctuation', () => {
  assert.equal(slugify('Payment service: pool exhaustion (v2.41)!'), 'payment-service-pool-exhaustion-v2-41');
  assert.equal(slugify('支付服务 连接池耗尽'), '支付服务-连接池耗尽');
  assert.equal(slugify('***'), 'incident');
});

test('incident template has front matter, the title and the raw context heading', () => {
  const t = incidentTemplate('Disk full on db-3', 'db', new Date('2026-06-02T23:35:28.123Z'));
  assert.match(t, /^---\nservice: db\ncreated: 2026-06-02T23:35:28Z\n/);
  assert.match(t, /\n# Disk full on db-3\n/);
  assert.match(t, /\n## Raw incident context\n/);
});

test('postmortem template has every standard section with [FILL IN], in order', () => {
  const t = postmortemTemplate({ title: 'Disk full', service: 'db', relativePath: '../incidents/x.md' }, new Date(0));
  const headings = [...t.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, POSTMORTEM_SECTIONS);
  assert.match(t, /\nkind: postmortem\n/);
  assert.match(t, /\nincident: \.\.\/incidents\/x\.md\n/);
  assert.equal(t.split('[FILL IN]').length - 1 >= POSTMORTEM_SECTIONS.length, true);
});

test('readIncidentHeader finds title and service', () => {
  assert.deepEqual(readIncidentHeader('---\nservice: payment-svc\ncreated: x\n---\n# Pool exhaustion\n\nbody'), {
    title: 'Pool exhaustion',
    service: 'payment-svc',
  });
  assert.deepEqual(readIncidentHeader('no title here'), { title: 'Untitled incident', service: undefined });
});

test('the client sends every markdown document and leaves the decision to the server', () => {
  // A file that is ours only by its front matter (not under incidents/ or postmortems/) must reach the server.
  for (const scheme of ['file', 'vscode-remote', 'untitled']) {
    const filters = DOCUMENT_SELECTOR.filter((f) => f.scheme === scheme);
    assert.equal(filters.length, 1, scheme);
    assert.equal(filters[0].language, 'markdown');
    assert.equal(filters[0].pattern, undefined, `${scheme}: a path pattern would hide files that are ours by front matter`);
  }
});

test('front matter kind makes a document ours, by the server rules', () => {
  assert.equal(declaredKind('---\nkind: incident\nservice: db\n---\n# Disk full\n'), 'incident');
  assert.equal(declaredKind('\uFEFF---\r\nkind: "Post-Mortem"\r\n...\r\n# Review\r\n'), 'postmortem');
  assert.equal(declaredKind('---\ntitle: Team offsite\n---\n# Agenda\n'), undefined);
  assert.equal(declaredKind('# Notes\n\nkind: incident\n'), undefined, 'kind: outside front matter does not count');
  assert.equal(declaredKind('---\nkind: incident\n# never closed\n'), undefined, 'an unclosed block is not front matter');
});

test('readFrontMatter keeps the body after the closing line', () => {
  const fm = readFrontMatter("---\nservice: 'payment-svc'\n---\n# Pool\n");
  assert.equal(fm.values.get('service'), 'payment-svc');
  assert.equal(fm.body, '# Pool\n');
  assert.equal(readFrontMatter('# No front matter\n').body, '# No front matter\n');
});

test('copy as issue copies the markdown the server returned, and ignores anything that is not an issue', () => {
  const issue = { title: '[P1] Add an alert', body: 'Add an alert\n\n- Owner: @sre', command: "gh issue create --title '[P1] Add an alert'", markdown: '## [P1] Add an alert\n\nAdd an alert\n' };
  assert.deepEqual(issueClipboard(issue), { text: issue.markdown, message: 'LspTriage: copied "[P1] Add an alert" as an issue (markdown).' });
  assert.equal(issueClipboard({ title: 'T', body: 'B' })?.text, '## T\n\nB\n');
  assert.equal(issueClipboard(null), undefined);
  assert.equal(issueClipboard({ title: 'T' }), undefined);
});
