package dev.irqlab.cli;

import dev.irqlab.bench.CostModel;
import dev.irqlab.bench.Plot;
import dev.irqlab.bench.Progress;
import dev.irqlab.bench.Revisions;
import dev.irqlab.bench.Stress;
import dev.irqlab.bench.StressChart;
import dev.irqlab.bench.StressPlan;
import dev.irqlab.bench.StressReport;
import dev.irqlab.conformance.report.AtomicFile;
import dev.irqlab.spi.LoadedRevision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab stress}: the 2023 stress of 174000 concurrent irqfds, on every revision. */
@Command(
    name = "stress",
    mixinStandardHelpOptions = true,
    description = {
      "Create many irqfds at once through the simulated KVM, on every revision (or those named),"
          + " and compare what the manager's mutex went through: wait and hold time from its"
          + " lock_stat, list nodes visited per registration, total time.",
      "By default 144 tasks create 40000 irqfds on 144 virtual CPUs in virtual time, so the figures are"
          + " those of the modelled machine on any host; --full is the 2023 stress, " + StressPlan.IRQFDS_2023
          + " irqfds with pauses of " + StressCommand.FULL_THINK + " on average between them.",
      "--clock host runs the tasks as Java threads in the host's time instead.",
      "--churn runs the reproducer of Bugzilla 217379 instead, where VMs come and go."
    })
final class StressCommand implements Callable<Integer> {
  /** {@link StressPlan#THINK_2023} as the help says it (annotations take constants only; a test checks the two agree). */
  static final String FULL_THINK = "100us";
  /** How many times the reproducer's VMs {@code --churn --full} runs: 4 times its 43500 irqfds are the 174000 of 2023. */
  static final int CHURN_FULL = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "REVISION", arity = "0..*", description = "Revisions to run (default: every revision in history order, a patch series by its last patch).")
  List<String> ids;

  @Option(names = {"-t", "--threads"}, paramLabel = "T", description = "Tasks creating irqfds at once (default: ${DEFAULT-VALUE}).")
  int threads = StressPlan.THREADS_2023;

  @Option(names = {"-n", "--irqfds"}, paramLabel = "N", description = "Irqfds in all (default: " + StressPlan.IRQFDS_DEFAULT + ").")
  Integer irqfds;

  @Option(
      names = "--full",
      description = "The 2023 stress: " + StressPlan.IRQFDS_2023 + " irqfds, and in virtual time a --think of " + FULL_THINK
          + " unless one is given (minutes per list revision).")
  boolean full;

  @Option(
      names = "--churn",
      description = "VMs that come and go, as in the reproducer of Bugzilla 217379 (kvm_irqfd_fork.c): 900 processes"
          + " each create a VM with 15 irqfds, sleep 60s, deassign them and close the VM; 20 more start 10s later and"
          + " do so 100 times, sleeping 400ms: 43500 irqfds registered and unregistered. The processes are forked"
          + " one after another, and --seed draws the timer slack of their sleeps. With --full, 4 times the VMs:"
          + " " + StressPlan.IRQFDS_2023 + " irqfds. Virtual time only.")
  boolean churn;

  @Option(
      names = "--clock",
      paramLabel = "CLOCK",
      description = "virtual: tasks on virtual CPUs in virtual time, each piece of work costing what --cost says;"
          + " host: tasks as Java threads, timed by the host (default: ${DEFAULT-VALUE}).")
  String clock = "virtual";

  @Option(
      names = "--cost",
      paramLabel = "NAME=DURATION",
      description = "In virtual time, what one unit of work costs, e.g. xa-node=20ns or wakeup=10us; NAME is one of"
          + " list-node, xa-node, alloc, free, lock, syscall, handover, wakeup, switch (repeatable).")
  List<String> costs = List.of();

  @Option(
      names = "--think",
      paramLabel = "DURATION",
      description = "In virtual time, how long each task spends in user space after each irqfd, before the next,"
          + " on average, e.g. 50us: the VMM's own work between two irqfds. Each pause is drawn from an exponential"
          + " distribution of that mean (default: none; " + FULL_THINK + " with --full).")
  String think;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "What the --think pauses (with --churn, the timer slack) are drawn from: the same seed, the same figures"
          + " (default: " + StressPlan.SEED_DEFAULT + ").")
  Long seed;

  @Option(names = "--producers", description = "Give each eventfd a VFIO MSI-X producer too, so every irqfd connects.")
  boolean producers;

  @Option(
      names = "--cpus",
      paramLabel = "C",
      description = "Virtual CPUs (default: " + StressPlan.THREADS_2023 + "); with --clock host, emulated CPUs the tasks share,"
          + " the mutex's holder running beside them, 0 giving every task its own (default: the host's cores - 1).")
  Integer cpus;

  @Option(names = {"-j", "--jobs"}, paramLabel = "J", description = "Revisions run at once (default: ${DEFAULT-VALUE}).")
  int jobs = 1;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw wait and hold time per revision into FILE: SVG, or PNG when its name ends in .png.")
  Path plot;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Option(
      names = "--no-fork",
      description = "Run every revision in this JVM instead of each in a fresh one (with a 2 GiB heap),"
          + " so that one revision's JIT profile and garbage weigh on the next.")
  boolean noFork;

  /** The mean think time in ns: --think's, else that of the 2023 stress with --full in virtual time, else none. */
  long thinkNanos(StressPlan.Clock kind) {
    if (think != null) {
      return Measure.parse(spec.commandLine(), () -> CostModel.parse(think, "--think: expected ")) / 1000;
    }
    return full && kind == StressPlan.Clock.VIRTUAL ? StressPlan.THINK_2023 : 0;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Measure.checkFormat(spec.commandLine(), format);
    Output.check(plot);
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
    }
    if (full && irqfds != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--full creates " + StressPlan.IRQFDS_2023 + " irqfds: give --full or -n, not both");
    }
    StressPlan.Clock kind = switch (clock) {
      case "virtual" -> StressPlan.Clock.VIRTUAL;
      case "host" -> StressPlan.Clock.HOST;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--clock: expected virtual or host, not '" + clock + "'");
    };
    if (kind == StressPlan.Clock.HOST && !costs.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cost sets the durations of virtual time; it means nothing with --clock host");
    }
    if (kind == StressPlan.Clock.HOST && think != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--think is time in virtual time; it means nothing with --clock host");
    }
    if (kind == StressPlan.Clock.HOST && seed != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed draws the pauses of virtual time; it means nothing with --clock host");
    }
    if (churn) {
      CommandLine.ParseResult given = spec.commandLine().getParseResult();
      for (String option : List.of("--irqfds", "--threads", "--think", "--producers")) {
        if (given.hasMatchedOption(option)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--churn makes its own VMs, irqfds and pauses, as the reproducer does: " + option + " means nothing with it");
        }
      }
      if (kind == StressPlan.Clock.HOST) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--churn sleeps a minute of virtual time; it runs with --clock virtual only");
      }
    }
    long thinkNs = thinkNanos(kind);
    int n = full ? StressPlan.IRQFDS_2023 : irqfds != null ? irqfds : StressPlan.IRQFDS_DEFAULT;
    int c = cpus != null ? cpus : kind == StressPlan.Clock.VIRTUAL ? StressPlan.THREADS_2023 : StressPlan.defaultCpus();
    long s = seed != null ? seed : StressPlan.SEED_DEFAULT;
    StressPlan plan = Measure.parse(spec.commandLine(), () -> {
      CostModel model = CostModel.icx2023().with(costs);
      return churn
          ? StressPlan.churn(StressPlan.Churn.reproducer(full ? CHURN_FULL : 1), c, model, s)
          : new StressPlan(threads, n, producers, c, kind, model, thinkNs, s, null);
    });
    List<LoadedRevision> revisions = Measure.parse(spec.commandLine(), () -> Revisions.select(dev.irqlab.cli.Revisions.load().canonical(ids)));
    StressReport report;
    try (Progress progress = new Progress(err, !noProgress && System.console() != null, (long) plan.irqfds() * revisions.size())) {
      report = Stress.run(revisions, plan, jobs, !noFork, progress);
    }
    out.print(format.equals("json") ? report.json() : report.text());
    if (plot != null) {
      StressChart chart = new StressChart(plan, report.results());
      AtomicFile.write(plot, Plot.render(plot, StressChart.WIDTH, chart.height(), chart::draw));
      err.println("irqlab: wrote " + plot);
    }
    boolean clean = report.results().stream().allMatch(r -> r.failed() == 0 && r.reports() == 0);
    return clean ? Main.OK : Main.UNEXPECTED;
  }
}
