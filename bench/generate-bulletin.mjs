// Generates a realistic, clean bulletin of about N lines, shaped like
// examples/MS04-029.bulletin.yaml: advisories, vulnerabilities, many platforms (product ×
// service pack × language), each with its package, files (some with variants and folders),
// a registry check and deployment estimates. Deterministic (seeded), so runs compare.
//
//   node bench/generate-bulletin.mjs 2000 > big.bulletin.yaml
//   import { generateBulletin } from './generate-bulletin.mjs'
import { pathToFileURL } from 'node:url';

const PRODUCTS = [
  ['nt4-server', 'Windows NT Server 4.0', ['sp6a']],
  ['nt4-tse', 'Windows NT Server 4.0, Terminal Server Edition', ['sp6']],
  ['nt4-workstation', 'Windows NT Workstation 4.0', ['sp6a']],
  ['win2000-pro', 'Windows 2000 Professional', ['sp2', 'sp3', 'sp4']],
  ['win2000-server', 'Windows 2000 Server', ['sp2', 'sp3', 'sp4']],
  ['win2000-advanced', 'Windows 2000 Advanced Server', ['sp2', 'sp3', 'sp4']],
  ['winxp-home', 'Windows XP Home Edition', ['gold', 'sp1', 'sp2']],
  ['winxp-pro', 'Windows XP Professional', ['gold', 'sp1', 'sp2']],
  ['winxp-64', 'Windows XP 64-Bit Edition', ['sp1', 'v2003']],
  ['win2003-standard', 'Windows Server 2003 Standard Edition', ['gold', 'sp1']],
  ['win2003-enterprise', 'Windows Server 2003 Enterprise Edition', ['gold', 'sp1']],
  ['win2003-web', 'Windows Server 2003 Web Edition', ['gold', 'sp1']],
  ['win2003-ia64', 'Windows Server 2003 for Itanium-based Systems', ['gold', 'sp1']],
];
const LANGUAGES = [
  ['jpn', 'JPN'], ['enu', 'ENU'], ['deu', 'DEU'], ['fra', 'FRA'], ['kor', 'KOR'], ['chs', 'CHS'],
  ['cht', 'CHT'], ['esn', 'ESN'], ['ita', 'ITA'], ['nld', 'NLD'], ['ptb', 'PTB'], ['sve', 'SVE'],
];
const FILES = [
  ['ole32.dll', 'Microsoft OLE for Windows and Windows NT'],
  ['rpcrt4.dll', 'Remote Procedure Call Runtime'],
  ['rpcss.exe', 'Distribute COM Services'],
  ['rpcproxy.dll', 'RPC Proxy Stub'],
  ['lsasrv.dll', 'LSA Server DLL'],
  ['netapi32.dll', 'Net Win32 API DLL'],
  ['winsrv.dll', 'Windows Server DLL'],
  ['ntoskrnl.exe', 'NT Kernel & System'],
  ['ntkrnlpa.exe', 'NT Kernel & System (PAE)'],
  ['win32k.sys', 'Multi-User Win32 Driver'],
  ['shell32.dll', 'Windows Shell Common Dll'],
  ['mshtml.dll', 'Microsoft (R) HTML Viewer'],
  ['urlmon.dll', 'OLE32 Extensions for Win32'],
  ['wininet.dll', 'Internet Extensions for Win32'],
  ['msgina.dll', 'Windows NT Logon GINA DLL'],
  ['schannel.dll', 'TLS / SSL Security Provider'],
  ['crypt32.dll', 'Crypto API32'],
  ['msasn1.dll', 'ASN.1 Runtime APIs'],
  ['user32.dll', 'Windows XP USER API Client DLL'],
  ['gdi32.dll', 'GDI Client DLL'],
  ['comctl32.dll', 'Common Controls Library'],
  ['mrxsmb.sys', 'Windows NT SMB Minirdr'],
  ['srv.sys', 'Server driver'],
  ['tcpip.sys', 'TCP/IP Protocol Driver'],
];
const IMPACTS = ['remote-code-execution', 'elevation-of-privilege', 'information-disclosure', 'denial-of-service', 'spoofing', 'tampering', 'security-feature-bypass'];

/** Small deterministic PRNG (mulberry32): the same size always yields the same document. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** Every (product, service pack, language) combination, in a stable order, then numbered builds. */
function* platformIdentities() {
  for (let round = 0; ; round++) {
    for (const [lang, LANG] of LANGUAGES) {
      for (const [slug, name, packs] of PRODUCTS) {
        for (const sp of packs) {
          const suffix = round === 0 ? '' : `-r${round}`;
          yield { id: `${slug}-${sp}-${lang}${suffix}`, name: `${name} ${sp === 'gold' ? '' : sp.toUpperCase() + ' '}(${LANG})${round ? ` rebuild ${round}` : ''}`.replace('  ', ' '), lang: LANG };
        }
      }
    }
  }
}

/** The lines every generated bulletin starts with, up to its advisories (both generators share them). */
export function bulletinHead({ comment, id, kb, title, published, updated, advisory }) {
  return [
    `# ${comment}`,
    'bulletin: 1',
    `id: ${id}`,
    `kb: ${kb}`,
    'lang: ja',
    `title: ${title}`,
    `published: ${published}`,
    `updated: ${updated}`,
    'severity: important',
    'exploit: none',
    'urgency: early',
    'restart: required',
    'uninstall: true',
    'targets: [server, client]',
    'advisories:',
    `  - label: ${advisory} (日本)`,
    `    url: https://www.microsoft.com/japan/technet/security/bulletin/${advisory.toLowerCase()}.mspx`,
    `  - label: ${advisory} (US)`,
    `    url: https://www.microsoft.com/technet/security/bulletin/${advisory.toLowerCase()}.mspx`,
  ];
}

/**
 * A bulletin of about `targetLines` lines (never fewer). Clean under every single-file rule:
 * package names carry the KB, files are dated before their package, packages before `updated`,
 * registry keys name the KB, deployment estimates grow with the machine count. `related` names
 * bulletins to open beside it (the bench opens a generated MS04-012 too).
 */
/**
 * CVSS vectors and CWE ids of the generated vulnerabilities (3.1 and 4.0, high and medium, so
 * the bulletin's `severity: important` is within a step): every vulnerability carries them, as
 * real bulletins do. BULLETIN_BENCH_CVSS=0 leaves them out (to compare the same run without).
 */
export const VULNERABILITY_SCORES = [
  ['CWE-120', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:L/SC:N/SI:N/SA:N'],
  ['CWE-400', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N'],
  ['CWE-200', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 'CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N'],
];
export const withCvss = process.env.BULLETIN_BENCH_CVSS !== '0';

/** The `cwe` and `cvss` lines of generated vulnerability `v`, indented for an item of `vulnerabilities`. */
export function scoreLines(v) {
  if (!withCvss) return [];
  const [cwe, v31, v40] = VULNERABILITY_SCORES[v % VULNERABILITY_SCORES.length];
  return [`    cwe: ${cwe}`, '    cvss:', `      - vector: ${v31}`, `      - vector: ${v40}`];
}

export function generateBulletin(targetLines, { id = 'MS04-029', related = ['MS04-012'], seed = 873350 } = {}) {
  const rnd = random(seed + targetLines);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const kb = 873350;
  const lines = [
    ...bulletinHead({
      comment: `Generated by bench/generate-bulletin.mjs (${targetLines} lines requested).`,
      id,
      kb,
      title: 'RPC ランタイム ライブラリの脆弱性により、情報漏えいおよびサービス拒否が起こる',
      published: '2004-10-16',
      updated: '2004-11-02',
      advisory: 'MS04-029',
    }),
    'vulnerabilities:',
  ];
  for (let v = 0; v < 3; v++) {
    lines.push(`  - id: CAN-2004-${pad(569 + v, 4)}`, `    title: RPC ランタイム・ライブラリの脆弱性 その${v + 1}`, `    impact: [${IMPACTS[v % IMPACTS.length]}, denial-of-service]`, ...scoreLines(v));
  }
  lines.push(
    'includes: []',
    related.length === 0 ? 'related: []' : 'related:',
    ...related.map((ref) => `  - ${ref}`),
    'summary: |',
    '  Windows の RPC (リモート・プロシージャ・コール) ランタイム・ライブラリが',
    '  メッセージを処理する方法に未チェック・バッファの脆弱性が存在し、メモリの一部が',
    '  読み取られる情報漏えいや、コンピュータの応答が停止するサービス拒否が発生する。',
    'comment: |',
    '  MS04-012 と共通するファイルを含むが、MS04-012 を完全には含んでいないため、',
    '  別途適用する必要がある。',
    'platforms:',
  );
  const tail = [
    'unsupported:',
    '  - name: Windows NT Workstation 4.0 SP6a',
    '    reason: サポート・ライフサイクルが 2004年6月30日 で終了したため、修正プログラムは提供されない',
    'workarounds:',
    '  - title: ファイアウォールでポートをブロックする',
    '    ports:',
    '      udp: [135, 137, 138, 445]',
    '      tcp: [135, 139, 389, 445, 593]',
    '    note: 根本的な解決ではない。',
  ];
  const identities = platformIdentities();
  while (lines.length + tail.length < targetLines) {
    const { id: platformId, name, lang } = identities.next().value;
    const packageDay = int(1, 28);
    lines.push(
      `  - id: ${platformId}`,
      `    name: ${name}`,
      `    tested: ${pick(['passed', 'passed', 'not-tested'])}`,
      '    package:',
      `      file: WindowsUpdate-KB${kb}-x86-${lang}.exe`,
      `      date: 2004-09-${pad(packageDay)}`,
      `      version: 5.4.${int(10, 20)}.0`,
      `      size: ${int(400_000, 2_000_000)}`,
      "    folder: '%SystemRoot%\\System32\\'",
      '    files:',
    );
    const fileCount = int(3, 9);
    const start = int(0, FILES.length - 1);
    for (let f = 0; f < fileCount; f++) {
      const [fileName, description] = FILES[(start + f) % FILES.length];
      const build = `${pick(['4.0.1381', '5.0.2195', '5.1.2600', '5.2.3790'])}.${int(100, 7400)}`;
      lines.push(
        `      - name: ${fileName}`,
        `        date: 2004-${pad(int(1, 8))}-${pad(int(1, 28))}`,
        `        version: ${build}`,
        `        size: ${int(20_000, 4_000_000)}`,
        `        description: ${description}`,
      );
      if (f === 0 && rnd() < 0.3) {
        // The same file in a second build (uniprocessor kernel beside the multiprocessor one).
        lines.push(
          `      - name: ${fileName}`,
          '        variant: uniproc',
          '        folder: "%SystemRoot%\\\\System32\\\\uniproc\\\\"',
          `        date: 2004-${pad(int(1, 8))}-${pad(int(1, 28))}`,
          `        version: ${build}`,
          `        size: ${int(20_000, 4_000_000)}`,
          `        description: ${description} (uniprocessor)`,
        );
      }
    }
    lines.push(
      '    verify:',
      '      registry:',
      `        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows\\SP0\\KB${kb}`,
      '          value: Installed',
      '          type: REG_DWORD',
      '          data: 1',
      '    deployment:',
      `      50: ${int(10, 20)}`,
      `      100: ${int(21, 40)}`,
      `      250: ${int(41, 80)}`,
      `      500: ${int(81, 160)}`,
    );
  }
  lines.push(...tail);
  return lines.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = Number(process.argv[2] ?? 2000);
  if (!Number.isInteger(target) || target < 1) {
    console.error('usage: node bench/generate-bulletin.mjs LINES');
    process.exit(2);
  }
  process.stdout.write(generateBulletin(target));
}
