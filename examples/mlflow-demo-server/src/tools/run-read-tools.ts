import { z } from "zod";
import { getRun } from "../store/mlflow-store";
import { getParentRun, searchRuns } from "../store/tracking-ops";
import { defineTool } from "./define-tool";
import { pythonStr } from "./python-str";
import { runDetail, runResult, runSummary } from "./serialize-run";

const page = {
  limit: z.number().int().default(3),
  offset: z.number().int().default(0),
};
const orderBy = z.array(z.string()).nullish();

export const runReadTools = [
  defineTool(
    "get_runs",
    z.object({ experiment_id: z.string(), ...page, order_by: orderBy }),
    (args, { state }) =>
      // Like the real server: fetch offset + limit results, then drop the first `offset`.
      searchRuns(state, {
        experimentIds: [args.experiment_id],
        orderBy: args.order_by,
        maxResults: args.offset + args.limit,
      })
        .slice(args.offset)
        .map(runSummary),
  ),

  defineTool("get_run", z.object({ run_id: z.string() }), ({ run_id }, { state }) =>
    runDetail(getRun(state, run_id)),
  ),

  defineTool("get_parent_run", z.object({ run_id: z.string() }), ({ run_id }, { state }) => {
    const parent = getParentRun(state, run_id);
    return parent ? runSummary(parent) : null;
  }),

  defineTool(
    "query_runs",
    z.object({ experiment_id: z.string(), query: z.string(), ...page, order_by: orderBy }),
    (args, { state }) =>
      searchRuns(state, {
        experimentIds: [args.experiment_id],
        filter: args.query,
        orderBy: args.order_by,
        maxResults: args.offset + args.limit,
      })
        .slice(args.offset)
        .map((run) => runResult(run, { withTags: false })),
  ),

  defineTool(
    "search_runs_by_tags",
    z.object({ experiment_id: z.string(), tags: z.record(z.string(), z.unknown()), ...page }),
    (args, { state }) => {
      // Backquoted keys, exactly as the real server builds the filter.
      const filter = Object.entries(args.tags)
        .map(([key, value]) => `tags.\`${key}\` = '${pythonStr(value)}'`)
        .join(" and ");
      return searchRuns(state, {
        experimentIds: [args.experiment_id],
        filter,
        maxResults: args.offset + args.limit,
      })
        .slice(args.offset)
        .map((run) => runResult(run, { withTags: true }));
    },
  ),
];
