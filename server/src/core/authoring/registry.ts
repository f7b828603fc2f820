/**
 * The registry check an update of a given Windows era writes: the hotfix key of NT 4.0, the
 * `Updates` keys of 2000, XP and Server 2003. The era is read from the platform's id and name.
 */
export type Era = 'nt4' | 'w2k' | 'xp' | 'ws03';

export function eraOf(platform: { id?: string; name?: string }): Era {
  const text = `${platform.id ?? ''} ${platform.name ?? ''}`.toLowerCase();
  if (/2003|ws03|w2k3|srv03|win2k3/.test(text)) return 'ws03';
  if (/\bxp\b|xp-|-xp|winxp/.test(text)) return 'xp';
  if (/2000|w2k|win2k/.test(text)) return 'w2k';
  return 'nt4';
}

export function registryKeyFor(platform: { id?: string; name?: string }, kb: number): string {
  switch (eraOf(platform)) {
    case 'w2k':
      return `HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows 2000\\SP5\\KB${kb}`;
    case 'xp':
      return `HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows XP\\SP2\\KB${kb}`;
    case 'ws03':
      return `HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows Server 2003\\SP1\\KB${kb}`;
    default:
      return `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB${kb}`;
  }
}

/** The lines of a registry check entry, first line without its `- `. */
export function registryEntryLines(key: string, scalar: (s: string) => string): string[] {
  return [`key: ${scalar(key)}`, 'value: Installed', 'type: REG_DWORD', 'data: 1'];
}

/** `KB<digits>` / `Q<digits>` path segments of a key as written in the source (offsets into it). */
export function kbSegments(source: string): { start: number; end: number; prefix: string; digits: string }[] {
  const out: { start: number; end: number; prefix: string; digits: string }[] = [];
  const re = /(^|\\|["'])(KB|Q)(\d+)(?=\\|["']|$)/gi;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const start = m.index + m[1].length;
    out.push({ start, end: start + m[2].length + m[3].length, prefix: m[2], digits: m[3] });
  }
  return out;
}
