/**
 * A server's first bulletin costs two to three times a later one: every function of the
 * keystroke path is compiled, and optimised, on first use. Analysing a made-up bulletin while
 * the editor is still starting moves that cost out of the first document the author opens.
 * Pure: its own index, nothing kept (apart from what the JIT learnt).
 */
import { analyzeText, checkBulletin } from './analyze';
import { WorkspaceIndex } from './index/workspace-index';
import type { Problem } from './problems';

const FILES = ['ole32.dll', 'rpcrt4.dll', 'rpcss.exe', 'lsasrv.dll', 'netapi32.dll', 'ntoskrnl.exe', 'win32k.sys'];

/** A bulletin shaped like a real one (every kind of value the readers and rules see), `platforms` platforms long. */
export function warmUpText(platforms: number): string {
  const lines = [
    '# Made up to warm the analysis up.',
    'bulletin: 1',
    'id: MS04-900',
    'kb: 900001',
    'lang: ja',
    'title: ウォームアップ用の架空のセキュリティ情報',
    'published: 2004-10-16',
    'updated: 2004-11-02',
    'severity: important',
    'exploit: none',
    'urgency: early',
    'restart: required',
    'uninstall: true',
    'targets: [server, client]',
    'advisories:',
    '  - label: MS04-900 (US)',
    '    url: https://example.com/security/bulletin/ms04-900',
    'vulnerabilities:',
    '  - id: CAN-2004-0900',
    '    title: 架空の脆弱性',
    '    impact: [information-disclosure, denial-of-service]',
    'includes: []',
    'related:',
    '  - MS04-901   # not in this index: a finding to convert',
    'summary: |',
    '  架空のセキュリティ情報。',
    '  二行目。',
    'platforms:',
  ];
  for (let p = 0; p < platforms; p++) {
    lines.push(
      `  - id: platform-${p}`,
      `    name: Windows NT Server 4.0 SP${p}`,
      '    tested: passed',
      '    package:',
      `      file: Hotfix-KB900001-x86-${p}.exe`,
      `      date: 2004-09-${String((p % 28) + 1).padStart(2, '0')}`,
      `      version: 5.4.${p}.0`,
      `      size: ${400_000 + p}`,
      "    folder: '%SystemRoot%\\System32\\'",
      '    files:',
    );
    for (let f = 0; f < 5; f++) {
      lines.push(
        `      - name: ${FILES[(p + f) % FILES.length]}`,
        `        date: 2004-0${(f % 8) + 1}-1${f}`,
        `        version: 5.1.2600.${100 + p * 5 + f}`,
        `        size: ${20_000 + p * 5 + f}`,
        '        description: "A made-up file"',
      );
    }
    lines.push(
      '    verify:',
      '      registry:',
      '        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows\\SP0\\KB900001',
      '          value: Installed',
      '          type: REG_DWORD',
      '          data: 1',
      '    deployment:',
      '      50: 16',
      '      100: 21',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Analyses and checks the made-up bulletin `rounds` times (enough for V8 to compile the
 * keystroke path); returns the last findings, for the caller to warm its own conversion.
 */
export function warmUpAnalysis(rounds = 3, platforms = 40): Problem[] {
  const text = warmUpText(platforms);
  let problems: Problem[] = [];
  for (let round = 0; round < rounds; round++) {
    const index = new WorkspaceIndex();
    const { bulletin } = analyzeText('warm-up:MS04-900', text);
    index.set(bulletin);
    problems = checkBulletin(bulletin, index);
  }
  return problems;
}
