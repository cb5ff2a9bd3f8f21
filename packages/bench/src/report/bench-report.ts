import type { CostlyFunction, HotFunction } from "../cpu-profile";
import type { MachineInfo } from "../machine";
import type { SessionsRss } from "../measure-sessions-rss";
import type { CellRecord } from "../run-matrix";
import type { SoakSample } from "../soak";

/** Everything one run measured; written as results/latest.json and rendered as latest.md. */
export type BenchReport = {
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  /** 1, 5 and 15 minute load averages: anything else running on the machine shows here. */
  loadAverage: { atStart: number[]; atEnd: number[] };
  settings: {
    warmupSeconds: number;
    secondsPerCell: number;
    sessions: number;
    soakMinutes: number;
    cpuProf: boolean;
  };
  baseline: { package: string; version: string; wiring: string };
  cells: CellRecord[];
  sessionsRss: SessionsRss[];
  audit: { backlogAfterLoad: number; drainSeconds: number | null };
  soak?: SoakSample[];
  cpuProfile?: { file: string; top: HotFunction[]; gatehouse: CostlyFunction[] };
};
