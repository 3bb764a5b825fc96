package dev.irqlab.cli;

import dev.irqlab.scaffold.Checkout;
import dev.irqlab.scaffold.patch.Change;
import dev.irqlab.scaffold.patch.PatchFormat;
import dev.irqlab.scaffold.patch.SourceDiff;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code irqlab source-diff A B}: the patch from one revision's sources to another's, method by method. */
@Command(
    name = "source-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show the patch from revision A to revision B at the Java level: the methods,"
          + " constructors, fields and nested classes B adds, removes or changes, a diffstat,"
          + " and a unified diff of each, read from revisions/<id>/src/main/java.",
      "",
      "Package names, imports that differ only by them, the name of a file's one top-level"
          + " class and layout are not changes. A method is identified by its class, name and"
          + " parameter types, so a new signature is a removed method and an added one. A member"
          + " whose code is the same but whose Javadoc or comments differ is listed apart, as"
          + " 'comments', after the code changes.",
      "",
      "Exit status: 0 when the comparison ran, whether or not anything differs; 2 for a usage"
          + " error (an unknown revision, missing sources, a file that does not parse)."
    })
final class SourceDiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The revision before (see 'irqlab list').")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The revision after.")
  String b;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (for a mail) or json (schema irqlab-source-diff/1). Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    PatchFormat as = format(format);
    output.check();
    Checkout checkout = Checkout.find(System.getProperty(Checkout.ROOT_PROPERTY), Path.of(""));
    Revisions revisions = Revisions.load();
    String a = revisions.canonical(this.a);
    String b = revisions.canonical(this.b);
    SourceDiff d = SourceDiff.compare(a, checkout.sources(a), b, checkout.sources(b));
    String text = as.render(d);
    output.emit(spec.commandLine().getOut(), text, summary(d));
    return Main.OK;
  }

  private static PatchFormat format(String id) {
    try {
      return PatchFormat.of(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** {@code source-diff v4.4..v5.9: 6 members with code changes, 2 with comments only, in 3 files.} */
  private static String summary(SourceDiff d) {
    long code = d.files().stream().flatMap(f -> f.changes().stream()).filter(c -> c.change().isCode()).count();
    long comments = d.files().stream().flatMap(f -> f.changes().stream()).filter(c -> c.change() == Change.COMMENTS).count();
    int files = d.files().size();
    return String.format(Locale.ROOT, "source-diff %s..%s: %d %s with code changes, %d with comments only, in %d %s.",
        d.from(), d.to(), code, code == 1 ? "member" : "members", comments, files, files == 1 ? "file" : "files");
  }
}
