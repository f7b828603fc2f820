import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: { 'rule.deploymentOrder': '{machines} machines are estimated at {minutes} minutes, less than the {fewerMinutes} minutes for {fewer} machines.' },
  ja: { 'rule.deploymentOrder': '{machines} 台の見積もり {minutes} 分が、{fewer} 台の {fewerMinutes} 分より短くなっています。' },
});

/** More machines estimated to take less time than fewer machines. */
export const deploymentOrder: Rule = {
  code: 'deployment-order',
  defaultSeverity: 'warning',
  title: { en: 'More machines are estimated to take less time', ja: '台数が多いのに見積もり時間が短い' },
  crossFile: false,
  description:
    'In `deployment`, more machines are estimated to take less time than fewer machines. Reported on the estimate that is lower than one for fewer machines.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      const sorted = [...platform.deployment].sort((a, b) => a.machines - b.machines);
      let slowest: (typeof sorted)[number] | undefined;
      for (const estimate of sorted) {
        if (slowest && slowest.machines < estimate.machines && estimate.minutes < slowest.minutes) {
          out.push(
            problem('deployment-order', 'warning', estimate.range, msg(locale, 'rule.deploymentOrder', { machines: estimate.machines, minutes: estimate.minutes, fewer: slowest.machines, fewerMinutes: slowest.minutes })),
          );
        }
        if (!slowest || estimate.minutes > slowest.minutes) slowest = estimate;
      }
    }
    return out;
  },
};
