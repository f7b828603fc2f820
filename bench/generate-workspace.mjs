// Generates a workspace of N bulletins (about 280 lines each, shaped like the real ones) with
// includes chains, related links and shared files, deterministic so runs compare:
//   - bulletins come in families of 10 that ship the same files; each includes the previous
//     one of its family at higher versions (clean, cumulative chains);
//   - the hub (index N/2) is named in `related` by the 50 bulletins after it: 50 dependents;
//   - every 50th bulletin lacks its registry check (a warning), so there are findings to publish.
//
//   node bench/generate-workspace.mjs 10000 /tmp/ws
//   import { generateWorkspace, hubId } from './generate-workspace.mjs'
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bulletinHead, scoreLines } from './generate-bulletin.mjs';

const PLATFORMS = [
  ['nt4-server-sp6a', 'Windows NT Server 4.0 SP6a', '4.0.1381'],
  ['nt4-tse-sp6', 'Windows NT Server 4.0, Terminal Server Edition SP6', '4.0.1381'],
  ['win2000-sp4', 'Windows 2000 SP4', '5.0.2195'],
  ['winxp-sp2', 'Windows XP SP2', '5.1.2600'],
  ['win2003-sp1', 'Windows Server 2003 SP1', '5.2.3790'],
];
const FILES = ['ole32.dll', 'rpcrt4.dll', 'rpcss.exe', 'rpcproxy.dll', 'lsasrv.dll', 'netapi32.dll', 'winsrv.dll', 'ntoskrnl.exe', 'win32k.sys', 'shell32.dll', 'mshtml.dll', 'urlmon.dll', 'wininet.dll', 'msgina.dll', 'schannel.dll', 'crypt32.dll', 'msasn1.dll', 'user32.dll', 'gdi32.dll', 'comctl32.dll', 'mrxsmb.sys', 'srv.sys', 'tcpip.sys', 'kernel32.dll'];

export const idOf = (i) => `MS${String(Math.floor(i / 1000)).padStart(2, '0')}-${String(i % 1000).padStart(3, '0')}`;
export const hubIndex = (n) => Math.floor(n / 2);
export const hubId = (n) => idOf(hubIndex(n));
export const fileName = (i) => `${idOf(i)}.bulletin.yaml`;

function dateOf(i) {
  const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function generateBulletin(i, n) {
  const id = idOf(i);
  const kb = 800000 + i;
  const family = Math.floor(i / 10);
  const files = [0, 1, 2, 3, 4].map((k) => FILES[(family * 3 + k * 5) % FILES.length]);
  const published = dateOf(i);
  const lines = [
    ...bulletinHead({
      comment: `Generated bulletin ${i} of ${n} (bench/generate-workspace.mjs).`,
      id,
      kb,
      title: `RPC ランタイム ライブラリの脆弱性により、情報漏えいおよびサービス拒否が起こる (${i})`,
      published,
      updated: published,
      advisory: id,
    }),
    'vulnerabilities:',
    `  - id: CAN-2004-${String(1000 + (i % 9000)).padStart(4, '0')}`,
    '    title: RPC ランタイム・ライブラリの未チェック・バッファの脆弱性',
    '    impact: [information-disclosure, denial-of-service]',
    ...scoreLines(i),
  ];
  if (i % 10 !== 0) lines.push('includes:', `  - ${idOf(i - 1)}`);
  const hub = hubIndex(n);
  if (i > hub && i <= hub + 50) lines.push(`related: [${idOf(hub)}]`);
  lines.push(
    'summary: |',
    '  Windows NT 4.0 の RPC ランタイム・ライブラリに未チェック・バッファの脆弱性が存在し、',
    '  攻撃によってメモリの一部が読み取られる情報漏えいやサービス拒否が発生する。',
    'comment: |',
    '  修正プログラムは累積的であり、同じファミリーの以前の修正を含む。',
    'platforms:',
  );
  for (const [pid, pname, base] of PLATFORMS) {
    lines.push(
      `  - id: ${pid}`,
      `    name: ${pname}`,
      '    tested: passed',
      '    package:',
      `      file: Update-KB${kb}-x86-JPN.exe`,
      `      date: ${published}`,
      '      version: 5.4.15.0',
      `      size: ${600000 + (i % 5000)}`,
      "    folder: '%SystemRoot%\\System32\\'",
      '    files:',
    );
    for (const name of files) {
      const version = `${base}.${10000 + i}`;
      lines.push(
        `      - name: ${name}`,
        `        date: ${published}`,
        `        version: ${version}`,
        `        size: ${100000 + ((i * 7 + name.length * 13 + pid.length) % 900000)}`,
        '        description: Windows component',
      );
    }
    if (i % 50 !== 7) {
      lines.push(
        '    verify:',
        '      registry:',
        `        - key: HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB${kb}`,
        '          value: Installed',
        '          type: REG_DWORD',
        '          data: 1',
      );
    }
    lines.push('    deployment:', '      50: 18', '      100: 27', '      250: 52', '      500: 94');
  }
  lines.push(
    'unsupported:',
    '  - name: Windows NT Workstation 4.0 SP6a',
    '    reason: サポート・ライフサイクルが終了したため、修正プログラムは提供されない',
    'workarounds:',
    '  - title: ファイアウォールでポートをブロックする',
    '    ports:',
    '      udp: [135, 137, 138, 445]',
    '      tcp: [135, 139, 445, 593]',
    '    note: 根本的な解決ではない',
  );
  return lines.join('\n') + '\n';
}

export function generateWorkspace(n, folder) {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(folder, fileName(i)), generateBulletin(i, n));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 10000);
  generateWorkspace(n, process.argv[3] ?? `bulletin-workspace-${n}`);
}
