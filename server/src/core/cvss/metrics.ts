/**
 * The metrics of CVSS 3.0, 3.1 and 4.0 as FIRST's specifications define them: abbreviation,
 * group, the values in the specification's spelling, and names in English and Japanese (for
 * hover and completion). 3.0 and 3.1 share one table. The order of each table is the
 * specification's (required for 4.0 vectors, conventional for 3.x).
 */

export type CvssVersion = '3.0' | '3.1' | '4.0';
export const CVSS_VERSIONS: readonly CvssVersion[] = ['3.0', '3.1', '4.0'];

type Words = { en: string; ja: string };

export interface MetricValue {
  code: string;
  name: Words;
}

export interface Metric {
  key: string;
  group: 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';
  name: Words;
  /** What the metric measures, one sentence. */
  meaning: Words;
  values: readonly MetricValue[];
}

const v = (code: string, en: string, ja: string): MetricValue => ({ code, name: { en, ja } });
const X = v('X', 'Not Defined', '未定義');
const HLN = [v('H', 'High', '高'), v('L', 'Low', '低'), v('N', 'None', 'なし')];
const REQ = [X, v('H', 'High', '高'), v('M', 'Medium', '中'), v('L', 'Low', '低')];
const AV = [v('N', 'Network', 'ネットワーク'), v('A', 'Adjacent', '隣接'), v('L', 'Local', 'ローカル'), v('P', 'Physical', '物理')];
const AC = [v('L', 'Low', '低'), v('H', 'High', '高')];
const PR = [v('N', 'None', '不要'), v('L', 'Low', '低'), v('H', 'High', '高')];

function m(key: string, group: Metric['group'], en: string, ja: string, meaningEn: string, meaningJa: string, values: readonly MetricValue[]): Metric {
  return { key, group, name: { en, ja }, meaning: { en: meaningEn, ja: meaningJa }, values };
}
const modified = (metric: Metric): Metric =>
  m(`M${metric.key}`, 'environmental', `Modified ${metric.name.en}`, `調整後の${metric.name.ja}`, `${metric.name.en} as it is in the user's environment.`, `利用者の環境での${metric.name.ja}。`, [X, ...metric.values]);

const CIA3 = (key: string, en: string, ja: string, what: Words) => m(key, 'base', en, ja, `Impact on the ${what.en} of the impacted component.`, `影響を受けるコンポーネントの${what.ja}への影響。`, HLN);

const AV3 = m('AV', 'base', 'Attack Vector', '攻撃元区分', 'Where the attacker must be to exploit the vulnerability.', '脆弱性を攻撃できる攻撃者の位置。', AV);
const AC3 = m('AC', 'base', 'Attack Complexity', '攻撃条件の複雑さ', 'Conditions beyond the attacker’s control that must exist.', '攻撃者が制御できない、攻撃の成立に必要な条件。', AC);
const PR3 = m('PR', 'base', 'Privileges Required', '必要な特権レベル', 'Privileges the attacker must hold before the attack.', '攻撃前に攻撃者が持っている必要のある特権。', PR);
const UI3 = m('UI', 'base', 'User Interaction', 'ユーザ関与レベル', 'Whether a user other than the attacker must take part.', '攻撃者以外のユーザの関与が必要かどうか。', [v('N', 'None', '不要'), v('R', 'Required', '要')]);
const S3 = m('S', 'base', 'Scope', 'スコープ', 'Whether the attack reaches components beyond the vulnerable one.', '脆弱なコンポーネントの外にまで影響が及ぶかどうか。', [v('U', 'Unchanged', '変更なし'), v('C', 'Changed', '変更あり')]);
const C3 = CIA3('C', 'Confidentiality', '機密性への影響', { en: 'confidentiality', ja: '機密性' });
const I3 = CIA3('I', 'Integrity', '完全性への影響', { en: 'integrity', ja: '完全性' });
const A3 = CIA3('A', 'Availability', '可用性への影響', { en: 'availability', ja: '可用性' });

/** CVSS 3.0 and 3.1 (the same metrics and values). */
export const METRICS_3: readonly Metric[] = [
  AV3, AC3, PR3, UI3, S3, C3, I3, A3,
  m('E', 'temporal', 'Exploit Code Maturity', '攻撃される可能性', 'How mature the exploit techniques or code are.', '攻撃手法や攻撃コードの成熟度。', [X, v('H', 'High', '容易に攻撃可能'), v('F', 'Functional', '攻撃可能'), v('P', 'Proof-of-Concept', '概念実証'), v('U', 'Unproven', '未実証')]),
  m('RL', 'temporal', 'Remediation Level', '利用可能な対策のレベル', 'What fix or workaround is available.', '利用できる修正や回避策。', [X, v('U', 'Unavailable', 'なし'), v('W', 'Workaround', '非公式'), v('T', 'Temporary Fix', '暫定'), v('O', 'Official Fix', '正式')]),
  m('RC', 'temporal', 'Report Confidence', '脆弱性情報の信頼性', 'How certain the vulnerability’s existence and details are.', '脆弱性の存在と詳細の確からしさ。', [X, v('C', 'Confirmed', '確認済'), v('R', 'Reasonable', '未確証'), v('U', 'Unknown', '未確認')]),
  m('CR', 'environmental', 'Confidentiality Requirement', '機密性の要求度', 'How much confidentiality matters in the user’s environment.', '利用者の環境での機密性の重要度。', REQ),
  m('IR', 'environmental', 'Integrity Requirement', '完全性の要求度', 'How much integrity matters in the user’s environment.', '利用者の環境での完全性の重要度。', REQ),
  m('AR', 'environmental', 'Availability Requirement', '可用性の要求度', 'How much availability matters in the user’s environment.', '利用者の環境での可用性の重要度。', REQ),
  modified(AV3), modified(AC3), modified(PR3), modified(UI3), modified(S3), modified(C3), modified(I3), modified(A3),
];

const VCIA = (key: string, en: string, ja: string, what: Words) => m(key, 'base', en, ja, `Impact on the ${what.en} of the vulnerable system.`, `脆弱なシステムの${what.ja}への影響。`, HLN);
const SCIA = (key: string, en: string, ja: string, what: Words) => m(key, 'base', en, ja, `Impact on the ${what.en} of subsequent systems.`, `後続のシステムの${what.ja}への影響。`, HLN);
const AV4 = AV3;
const AC4 = AC3;
const AT4 = m('AT', 'base', 'Attack Requirements', '攻撃の前提条件', 'Deployment or execution conditions the attack depends on.', '攻撃が依存する、配置や実行時の条件。', [v('N', 'None', 'なし'), v('P', 'Present', 'あり')]);
const PR4 = PR3;
const UI4 = m('UI', 'base', 'User Interaction', 'ユーザ関与レベル', 'Whether a human user other than the attacker must take part.', '攻撃者以外の人間のユーザの関与が必要かどうか。', [v('N', 'None', '不要'), v('P', 'Passive', '受動的'), v('A', 'Active', '能動的')]);
const VC = VCIA('VC', 'Vulnerable System Confidentiality', '脆弱なシステムの機密性への影響', { en: 'confidentiality', ja: '機密性' });
const VI = VCIA('VI', 'Vulnerable System Integrity', '脆弱なシステムの完全性への影響', { en: 'integrity', ja: '完全性' });
const VA = VCIA('VA', 'Vulnerable System Availability', '脆弱なシステムの可用性への影響', { en: 'availability', ja: '可用性' });
const SC = SCIA('SC', 'Subsequent System Confidentiality', '後続システムの機密性への影響', { en: 'confidentiality', ja: '機密性' });
const SI = SCIA('SI', 'Subsequent System Integrity', '後続システムの完全性への影響', { en: 'integrity', ja: '完全性' });
const SA = SCIA('SA', 'Subsequent System Availability', '後続システムの可用性への影響', { en: 'availability', ja: '可用性' });
const SAFETY = v('S', 'Safety', '安全');

/** CVSS 4.0, in the specification's order (a vector must follow it). */
export const METRICS_4: readonly Metric[] = [
  AV4, AC4, AT4, PR4, UI4, VC, VI, VA, SC, SI, SA,
  m('E', 'threat', 'Exploit Maturity', '攻撃の成熟度', 'How likely the vulnerability is to be attacked, from the state of exploits.', '攻撃コードの状況から見た、攻撃される可能性。', [X, v('A', 'Attacked', '攻撃あり'), v('P', 'POC', '概念実証'), v('U', 'Unreported', '報告なし')]),
  m('CR', 'environmental', 'Confidentiality Requirements', '機密性の要求度', 'How much confidentiality matters in the user’s environment.', '利用者の環境での機密性の重要度。', REQ),
  m('IR', 'environmental', 'Integrity Requirements', '完全性の要求度', 'How much integrity matters in the user’s environment.', '利用者の環境での完全性の重要度。', REQ),
  m('AR', 'environmental', 'Availability Requirements', '可用性の要求度', 'How much availability matters in the user’s environment.', '利用者の環境での可用性の重要度。', REQ),
  modified(AV4), modified(AC4), modified(AT4), modified(PR4), modified(UI4), modified(VC), modified(VI), modified(VA), modified(SC),
  { ...modified(SI), values: [X, SAFETY, ...HLN] },
  { ...modified(SA), values: [X, SAFETY, ...HLN] },
  m('S', 'supplemental', 'Safety', '安全性', 'Whether the consequences can harm people’s safety.', '人の安全に関わる結果になり得るか。', [X, v('N', 'Negligible', '軽微'), v('P', 'Present', 'あり')]),
  m('AU', 'supplemental', 'Automatable', '自動化可能性', 'Whether an attacker can automate the attack across many targets.', '攻撃者が多数の標的に攻撃を自動化できるか。', [X, v('N', 'No', 'いいえ'), v('Y', 'Yes', 'はい')]),
  m('R', 'supplemental', 'Recovery', '回復性', 'How the system recovers after an attack.', '攻撃後にシステムがどう回復するか。', [X, v('A', 'Automatic', '自動'), v('U', 'User', 'ユーザによる'), v('I', 'Irrecoverable', '回復不能')]),
  m('V', 'supplemental', 'Value Density', '価値の密度', 'How many resources one successful attack gains.', '一度の攻撃で得られる資源の量。', [X, v('D', 'Diffuse', '分散'), v('C', 'Concentrated', '集中')]),
  m('RE', 'supplemental', 'Vulnerability Response Effort', '対応の労力', 'How hard it is to respond to the vulnerability.', '脆弱性への対応の難しさ。', [X, v('L', 'Low', '低'), v('M', 'Moderate', '中'), v('H', 'High', '高')]),
  m('U', 'supplemental', 'Provider Urgency', '提供者の緊急度', 'How urgent the provider rates the response.', '提供者が評価した対応の緊急度。', [X, v('Clear', 'Clear', 'クリア'), v('Green', 'Green', '緑'), v('Amber', 'Amber', '琥珀'), v('Red', 'Red', '赤')]),
];

export function metricsOf(version: CvssVersion): readonly Metric[] {
  return version === '4.0' ? METRICS_4 : METRICS_3;
}

const byKey = new Map<readonly Metric[], Map<string, Metric>>([METRICS_3, METRICS_4].map((table) => [table, new Map(table.map((metric) => [metric.key, metric]))]));

export function metricOf(version: CvssVersion, key: string): Metric | undefined {
  return byKey.get(metricsOf(version))!.get(key);
}

/**
 * A 3.x metric's 4.0 counterpart and back, for a metric written in the other version's
 * vocabulary (`C:H` in a 4.0 vector means `VC:H`). Scope has none: 4.0 scores the subsequent
 * systems with SC, SI and SA instead, and its `S` is Safety.
 */
const COUNTERPART_4: Readonly<Record<string, string>> = { C: 'VC', I: 'VI', A: 'VA', MC: 'MVC', MI: 'MVI', MA: 'MVA' };
const COUNTERPART_3: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(COUNTERPART_4).map(([k3, k4]) => [k4, k3]));

/** The key that `key`, a metric of the other CVSS generation, has in `version`. */
export function counterpartIn(version: CvssVersion, key: string): string | undefined {
  return (version === '4.0' ? COUNTERPART_4 : COUNTERPART_3)[key];
}
