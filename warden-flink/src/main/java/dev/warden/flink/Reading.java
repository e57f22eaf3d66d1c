package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailScan;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts what the source read — events kept, events outside the filter, records that could not be
 * read (the first {@value TrailScan#KEPT_PROBLEMS} of each task kept with file and line) — and
 * hands on the events the filter keeps.
 */
final class Reading extends ProcessFunction<TrailItem, TrailEvent> {

  private static final long serialVersionUID = 1L;

  static final String EVENTS = "warden.events";
  static final String SKIPPED = "warden.skipped";
  static final String PROBLEMS = "warden.problems";
  static final String PROBLEM_LIST = "warden.problemList";

  private final TrailFilter filter;
  private transient LongCounter events;
  private transient LongCounter skipped;
  private transient LongCounter problems;
  private transient ListAccumulator<String> problemList;

  Reading(TrailFilter filter) {
    this.filter = filter;
  }

  @Override
  public void open(OpenContext context) {
    events = new LongCounter();
    skipped = new LongCounter();
    problems = new LongCounter();
    problemList = new ListAccumulator<>();
    getRuntimeContext().addAccumulator(EVENTS, events);
    getRuntimeContext().addAccumulator(SKIPPED, skipped);
    getRuntimeContext().addAccumulator(PROBLEMS, problems);
    getRuntimeContext().addAccumulator(PROBLEM_LIST, problemList);
  }

  @Override
  public void processElement(TrailItem item, Context context, Collector<TrailEvent> out) {
    if (item.problem != null) {
      problems.add(1L);
      if (problemList.getLocalValue().size() < TrailScan.KEPT_PROBLEMS) {
        problemList.add(
            item.problem.file() + "\t" + item.problem.line() + "\t" + item.problem.message());
      }
      return;
    }
    TrailEvent event = item.event;
    if (event == null) {
      return;
    }
    if (filter.test(event)) {
      events.add(1L);
      out.collect(event);
    } else {
      skipped.add(1L);
    }
  }
}
