package dev.irqlab.conformance.supervise;

import dev.irqlab.conformance.HostSpec;
import dev.irqlab.conformance.Scenario;
import dev.irqlab.conformance.ScenarioParser;
import dev.irqlab.conformance.Step;
import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.Workers;
import dev.irqlab.devices.HostSettings;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Supervisor} and its {@link Worker} JVMs say to each other: one JSON object a
 * line (the report's own mapping, {@link dev.irqlab.conformance.report.Reports#toJsonLine}),
 * jobs on the worker's standard input, messages on its standard output.
 */
final class Wire {
  private Wire() {}

  /**
   * A job. The scenario travels in the text format, each step on the line it was written on, so
   * that the worker's copy has the same lines, labels and operations, and so the same trace.
   *
   * @param job the job's number in its run, which the worker's messages about it carry
   * @param revision the revision id, which the worker finds among its services
   * @param era the driver era id
   * @param id the scenario id
   * @param title its title
   * @param origin where it came from
   * @param text its steps
   * @param host its host settings that are not the defaults, as {@link
   *     dev.irqlab.devices.HostSettings#describe()} writes them (empty or absent for none)
   */
  record Request(int job, String revision, String era, String id, String title, String origin, String text, String host) {
    static Request of(int number, Workers.Job job) {
      Scenario s = job.scenario();
      return new Request(number, job.revision().id(), job.era().id(), s.id(), s.title(), s.origin(), Wire.text(s), s.host().describe());
    }

    /**
     * The scenario again, as the worker runs it; refused when a step does not read back as
     * the text it was sent as (an operation the text format cannot write).
     */
    Scenario scenario() {
      List<Step> steps = ScenarioParser.parse(origin, id, text).steps();
      String[] lines = text.split("\n", -1);
      long written = Arrays.stream(lines).filter(l -> !l.isEmpty()).count();
      for (Step s : steps) {
        if (!s.text().equals(lines[s.line() - 1])) {
          throw new IllegalArgumentException("scenario " + id + ": '" + lines[s.line() - 1] + "' reads back as '" + s.text() + "'");
        }
      }
      if (steps.size() != written) {
        throw new IllegalArgumentException("scenario " + id + ": " + written + " steps read back as " + steps.size());
      }
      HostSettings settings = HostSettings.defaults();
      if (host != null && !host.isEmpty()) {
        settings = HostSpec.parse(host.replace(' ', ','), settings);
      }
      return new Scenario(id, title, origin, steps, settings);
    }
  }

  /**
   * One message of a worker: the job it is about, and one other field.
   *
   * @param job the job's number ({@link Request#job}); -1 for none
   * @param ready the worker has started (its process id)
   * @param start a runner has started the job
   * @param step a step of the job, just recorded
   * @param trace the job's trace without its steps, which came one by one before it
   * @param stop how the worker stopped the job: a hang or deadlock, an error out of it (its
   *     step is unknown here: the steps that came before it tell)
   * @param exit {@code System.exit} was called, by the runner of the job (-1: by another
   *     thread): where ({@link ThreadDump.Exit#where}); the worker is exiting
   * @param error the worker cannot run the job: an unknown revision or era
   */
  record Message(int job, String ready, boolean start, Trace.StepTrace step, Trace trace, Trace.Outcome stop, String exit, String error) {
    static Message ready(long pid) {
      return new Message(-1, Long.toString(pid), false, null, null, null, null, null);
    }

    static Message start(int job) {
      return new Message(job, null, true, null, null, null, null, null);
    }

    static Message step(int job, Trace.StepTrace s) {
      return new Message(job, null, false, s, null, null, null, null);
    }

    static Message trace(int job, Trace t) {
      Trace rest = new Trace(t.scenario(), t.revision(), t.era(), List.of(), t.end(), t.teardown(), t.machine(), t.outcome(), t.host());
      return new Message(job, null, false, null, rest, null, null, null);
    }

    static Message stop(int job, Trace.Outcome o) {
      return new Message(job, null, false, null, null, o, null, null);
    }

    static Message exit(int job, String where) {
      return new Message(job, null, false, null, null, null, where, null);
    }

    static Message error(int job, String why) {
      return new Message(job, null, false, null, null, null, null, why);
    }
  }

  /** {@code scenario}'s steps in the text format, each on the line number it has. */
  static String text(Scenario scenario) {
    StringBuilder out = new StringBuilder();
    int line = 1;
    for (Step s : scenario.steps()) {
      for (; line < s.line(); line++) {
        out.append('\n');
      }
      out.append(s.text()).append('\n');
      line++;
    }
    return out.toString();
  }
}
