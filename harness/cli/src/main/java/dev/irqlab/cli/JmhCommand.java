package dev.irqlab.cli;

import dev.irqlab.bench.Revisions;
import dev.irqlab.conformance.report.Text;
import dev.irqlab.spi.LoadedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code irqlab jmh [JMH options]}: the JMH benchmarks, with every revision on the class path as
 * the {@code revision} parameter unless {@code -p revision=...} names some.
 */
@Command(
    name = "jmh",
    description = {
      "Run the JMH benchmarks (RegistrationBenchmark: each revision's register and unregister at"
          + " several sizes; StructureBenchmark: the emulated XArray and list_head against HashMap"
          + " and TreeMap). Every argument goes to JMH: a benchmark regex, -p size=174000,"
          + " -f/-wi/-i, -rf json -rff FILE, -h for JMH's own help.",
      "The revision parameter is every revision on the class path, in history order, unless"
          + " -p revision=ID[,ID...] is given."
    })
final class JmhCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CommandLineOptions jmh;
    try {
      jmh = new CommandLineOptions(args.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      throw new UsageException("jmh: " + e.getMessage() + " (see 'irqlab jmh -h')");
    }
    if (jmh.shouldHelp()) {
      jmh.showHelp();
      return Main.OK;
    }
    ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh);
    if (jmh.shouldList()) {
      new Runner(options.build()).list();
      return Main.OK;
    }
    if (!jmh.getParameter("revision").hasValue()) {
      options.param("revision", Revisions.all().stream().map(LoadedRevision::id).toArray(String[]::new));
    }
    try {
      new Runner(options.build()).run();
    } catch (RunnerException e) {
      spec.commandLine().getErr().println("irqlab: jmh: " + Text.oneLine(String.valueOf(e.getMessage())));
      return Main.UNEXPECTED;
    }
    return Main.OK;
  }
}
