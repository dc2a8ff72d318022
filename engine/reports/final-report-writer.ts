// Writes .factory/final_report.md when the run finishes, from the events it saw.
import type { FactoryEvent } from '../contract/events.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { FactoryPaths } from './factory-dir.js';
import { finalReportCollector } from './final-report.js';
import { renderFinalReport } from './render-final-report.js';

/** earlier: the events an interrupted run already recorded, when this run resumes it. */
export function finalReportWriter(paths: FactoryPaths, earlier: FactoryEvent[] = []): (event: FactoryEvent) => void {
  const collector = finalReportCollector();
  earlier.forEach(collector.add);
  return (event) => {
    collector.add(event);
    if (event.type === 'run:finished') writeFileAtomic(paths.finalReport, renderFinalReport(collector.report()));
  };
}
