package dev.irqlab.cli;

import dev.irqlab.conformance.ScenarioException;
import dev.irqlab.conformance.io.Quote;
import dev.irqlab.conformance.io.TextFileException;
import dev.irqlab.conformance.report.ReportException;
import dev.irqlab.scaffold.ScaffoldException;
import dev.irqlab.spi.RevisionLoadException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./irqlab}: the command line of irqbypass-lab.
 *
 * <p>Exit codes: 0 when everything is as declared, 1 for an unexpected outcome or failure, 2
 * for a usage error (one line, {@code irqlab: ...}), 3 for an internal error of irqlab itself:
 * an exception no command expected, which is a bug of the harness and not a fault of the
 * revision under test (its first line says so, the exception and its first frames follow).
 */
@Command(
    name = "irqlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Every historical design of the Linux IRQ bypass manager, run on one emulated kernel.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything as declared (or, for run, diff and the like, the command ran)",
      "1:an unexpected outcome: a cell not as its revision declares, a failed run",
      "2:a usage error: a bad option, file, scenario or report (one line)",
      "3:an internal error of irqlab itself, not a fault of the revision under test",
      "4:the launcher ./irqlab could not build irqlab (nothing ran)"
    },
    subcommands = {
      MatrixCommand.class,
      DiffCommand.class,
      SourceDiffCommand.class,
      RunCommand.class,
      FuzzCommand.class,
      BisectCommand.class,
      ExplainCommand.class,
      ListCommand.class,
      InfoCommand.class,
      NewRevisionCommand.class,
      StressCommand.class,
      ScaleCommand.class,
      JmhCommand.class,
      MutationCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for everything as declared. */
  public static final int OK = 0;
  /** Exit code for an unexpected outcome. */
  public static final int UNEXPECTED = 1;
  /** Exit code for a usage error. */
  public static final int USAGE = 2;
  /** Exit code for an internal error of irqlab: an exception no command expected, a bug of ours. */
  public static final int INTERNAL = 3;

  /** How many frames of an internal error are printed. */
  private static final int FRAMES = 12;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command, such as matrix");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(new CommandLine(new Main()), args, out, err);
  }

  /** Runs {@code cli}, the command line with every subcommand added, with the given streams. */
  static int run(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExpandAtFiles(false);
    cli.registerConverter(Path.class, Main::path);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INTERNAL);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine.getErr()));
    int code;
    try {
      code = cli.execute(args);
    } catch (RuntimeException | Error e) {
      code = internalError(e, err);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** A path argument; one the file system cannot name (a NUL character) is a usage error. */
  private static Path path(String value) {
    if (value.isBlank()) {
      throw new CommandLine.TypeConversionException(Quote.of(value) + " is not a path: expected a file name");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(Quote.of(value) + " is not a path: " + e.getReason());
    }
  }

  /** A command line picocli cannot parse: one line, with the command's help to look at. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    // picocli starts the messages of an argument group with "Error: ", which the prefix says already.
    String message = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "");
    StringBuilder line = new StringBuilder("irqlab: ").append(Quote.visible(message));
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      List<String> some = u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()));
      line.append(" (did you mean ").append(String.join(" or ", some)).append("?)");
    }
    String name = cl.getCommandSpec().qualifiedName(" ");
    line.append(cl.getCommandSpec().parent() == null ? ": see 'irqlab help'" : ": see '" + name + " --help'");
    cl.getErr().println(line);
    cl.getErr().flush();
    return USAGE;
  }

  /** A command that failed: a usage error, a revision that would not load, or an internal error. */
  private static int failure(Exception e, PrintWriter err) {
    if (e instanceof UsageException || e instanceof ReportException || e instanceof ScaffoldException
        || e instanceof TextFileException || e instanceof ScenarioException) {
      err.println("irqlab: " + Quote.visible(String.valueOf(e.getMessage())));
      err.flush();
      return USAGE;
    }
    if (e instanceof RevisionLoadException) {
      err.println("irqlab: " + Quote.visible(String.valueOf(e.getMessage())));
      err.flush();
      return UNEXPECTED;
    }
    return internalError(e, err);
  }

  /**
   * An exception no command expected: a bug of irqlab. The first line says so; the exception and
   * its first frames follow, for the bug report.
   */
  static int internalError(Throwable e, PrintWriter err) {
    err.println("irqlab: internal error of irqlab (a bug in the harness, not a fault of the revision under test): "
        + Quote.visible(e.getClass().getName()));
    err.println(e);
    StackTraceElement[] frames = e.getStackTrace();
    int shown = Math.min(frames.length, FRAMES);
    for (int i = 0; i < shown; i++) {
      err.println("\tat " + frames[i]);
    }
    if (frames.length > shown) {
      err.println("\t... " + (frames.length - shown) + " more");
    }
    err.flush();
    return INTERNAL;
  }

  /**
   * The version from the jar's manifest ("development" when run from classes), the git revision
   * of the checkout the launcher runs from ({@code -Dirqlab.root}) when git can tell it, and the
   * JDK: what a bug report needs.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      String git = gitRevision(System.getProperty("irqlab.root"));
      return new String[] {
        "irqlab " + (v == null ? "development" : v) + (git == null ? "" : " (git " + git + ")"),
        "JDK " + System.getProperty("java.runtime.version") + ", " + System.getProperty("java.vm.name")
            + " (" + System.getProperty("java.vendor") + ")"
      };
    }

    /** {@code git describe --always --dirty} of the checkout, or null. */
    static String gitRevision(String root) {
      if (root == null || root.isBlank()) {
        return null;
      }
      try {
        Process p = new ProcessBuilder("git", "-C", root, "describe", "--always", "--dirty=, with uncommitted changes", "--abbrev=12")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && !out.isEmpty() ? out : null;
      } catch (java.io.IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
