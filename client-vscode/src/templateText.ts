// Text of the files New incident / New postmortem from incident create. Pure functions, tested without VS Code.
import { readFrontMatter } from './frontMatter';

export const POSTMORTEM_SECTIONS = [
  'Summary',
  'Impact',
  'Timeline',
  'Root cause',
  'Detection',
  'Response',
  'What went well',
  'What went poorly',
  'Action items',
];

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'incident';
}

export function incidentTemplate(title: string, service: string, now: Date): string {
  return [
    '---',
    `service: ${service || 'unknown'}`,
    `created: ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    '# severity: SEV1..SEV5 (optional)',
    '---',
    `# ${title}`,
    '',
    '## Raw incident context',
    '<!-- Paste logs, metrics, deploy history and chat notes here, then run "LspTriage: Analyze incident". -->',
    '',
    '',
  ].join('\n');
}

export function postmortemTemplate(incident: { title: string; service?: string; relativePath: string }, now: Date): string {
  const lines = [
    '---',
    'kind: postmortem',
    `service: ${incident.service || 'unknown'}`,
    `incident: ${incident.relativePath}`,
    `created: ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    '---',
    `# Postmortem: ${incident.title}`,
    '',
  ];
  for (const section of POSTMORTEM_SECTIONS) {
    lines.push(`## ${section}`);
    if (section === 'Timeline') lines.push('- [FILL IN] UTC — [FILL IN]');
    else if (section === 'Action items') lines.push('- [FILL IN] — Owner: [FILL IN] — Priority: [FILL IN]');
    else lines.push('[FILL IN]');
    lines.push('');
  }
  return lines.join('\n');
}

/** Title (first `# ` heading) and `service:` of an incident file; just enough to prefill a template. */
export function readIncidentHeader(text: string): { title: string; service?: string } {
  const { values, body } = readFrontMatter(text);
  const service = values.get('service') || undefined;
  const title = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? 'Untitled incident';
  return { title, service };
}
