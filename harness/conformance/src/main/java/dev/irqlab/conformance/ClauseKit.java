package dev.irqlab.conformance;

import dev.irqlab.devices.DriverChange;
import dev.irqlab.spi.Feature;
import dev.irqlab.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the clause files share: the sources they cite, the builder that defines a clause, and the
 * small readings of traces that several categories make. A category's own helpers stay in its
 * file.
 */
final class ClauseKit {
  private ClauseKit() {}

  // ------------------------------------------------------------------ sources

  static final Link HEADER = new Link("include/linux/irqbypass.h, theory of operation",
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/include/linux/irqbypass.h?h=v6.16");
  static final Link FIRST = Link.commit("virt: IRQ bypass manager (v4.4)", "f73f8173126ba68eb1c42bd9a234a51d78576ca6");
  static final Link KERNEL_DOC = Link.commit("irqbypass: Use xarray to track producers and consumers (kernel-doc)",
      "8394b32faecd9c63b3c436e78e62519e9548e530");
  static final Link TOKEN_OWNERSHIP = Link.commit("irqbypass: Take ownership of producer/consumer token tracking",
      "2b521d86ee80a436a92445b8206d38d75aeb39ea");
  static final Link PASS_IRQ = Link.lore("irqbypass: Require producers to pass in Linux IRQ number during registration",
      "20250516230734.2564775-9-seanjc@google.com");
  static final Link DROP_MODULE_GET = Link.lore("irqbypass: Drop pointless and misleading THIS_MODULE get/put",
      "20250516230734.2564775-2-seanjc@google.com");
  static final Link NAK = Link.lore("Alex Williamson's NAK of xarray-v2-2023", "20230802123017.5695fe0a.alex.williamson@redhat.com");
  static final Link V1_REVIEW = Link.lore("Alex Williamson's review of xarray-v1-2023", "20230801143938.3d27a199.alex.williamson@redhat.com");
  static final Link M59 = Link.commit("irqbypass: do not start cons/prod when failed connect", "a979a6aa009f3c99689432e0cdb5402a4463fb88");
  static final Link REVERT = Link.commit("Revert \"irqbypass: do not start cons/prod when failed connect\"",
      "e44b49f623c77bee7451f1a82ccfb969c1028ae2");
  static final Link CONSUMER_IDENTITY = Link.commit("KVM: eventfd: fix NULL deref irqbypass consumer", "4f3dbdf47e15");
  static final Link PRODUCER_IDENTITY = Link.lore("KVM: eventfd: fix NULL deref irqbypass producer (Like Xu)",
      "20230801085408.69597-1-likexu@tencent.com");
  static final Link ASSIGNMENT_BY_BYPASS = Link.commit("kvm: detect assigned device via irqbypass manager (v5.9)", "2edd9cb79fb3");
  static final Link CLEAR_TOKEN = Link.commit("vfio-pci: clear the producer token after a failed registration (the 2020 list_del crash)",
      "852b1beecb6f");
  static final Link SEAN_RULES = Link.lore("Sean Christopherson: what are the rules for using these APIs?", "ZN0XXKezcXjv1GWH@google.com");
  static final Link SEAN_COVER = Link.lore("irqbypass: Cleanups and a perf improvement (v2 cover letter)", "20250516230734.2564775-1-seanjc@google.com");
  static final Link SEAN_COVER_V1 = Link.lore("irqbypass: Cleanups and a perf improvement (v1 cover letter): connect() failures and KVM_IRQFD_FLAG_NO_IRQBYPASS left for later",
      "20250404211449.1443336-1-seanjc@google.com");
  static final Link ALEX_VECTOR_WORKS = Link.lore("Alex Williamson: the bypass registration cannot cause the vector setup to fail",
      "20200930080919.1a9c66f8@x1.home");
  static final Link NULLIFY_PRODUCER = Link.lore("KVM: x86: Nullify irqfd->producer if updating IRTE for bypass fails (ed446e8aa894)",
      "1782119051448443.14545.seg@mailgw.kylinos.cn");
  static final Link WARN_DOC = new Link("Documentation/process/coding-style.rst: WARN*() is for situations that should never happen",
      "https://docs.kernel.org/process/coding-style.html#do-not-crash-the-kernel");
  static final Link PI_DOC = new Link("Documentation/virt/kvm/api.rst: KVM_IRQFD",
      "https://docs.kernel.org/virt/kvm/api.html#kvm-irqfd");

  // ------------------------------------------------------------------ helpers

  /** The trace of {@code scenario}, which must have reached step {@code label}. */
  static Trace.StepTrace step(Evidence e, String scenario, String label) {
    return Checks.step(e, scenario, label);
  }

  static boolean ok(String ret) {
    return "0".equals(ret);
  }

  static boolean error(String ret) {
    return ret != null && ret.startsWith("-");
  }

  static long count(List<String> callbacks, String callback) {
    return callbacks.stream().filter(callback::equals).count();
  }

  static String show(List<String> callbacks) {
    return callbacks.isEmpty() ? "no callbacks" : String.join(", ", callbacks);
  }

  /** Harmless for an object with no connected partner: no callback, no report. */
  static Verdict harmlessAlone(Trace.StepTrace s) {
    List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
    return Verdict.check(s.callbacks().isEmpty() && reports.isEmpty(), show(s.callbacks()) + (reports.isEmpty() ? "" : "; " + reports.get(0)));
  }

  /** PASS when {@code find} finds nothing in any trace; else every finding, told as the first and where. */
  static Verdict none(Evidence e, java.util.function.Function<Trace, List<Finding>> find) {
    List<Finding> hits = new ArrayList<>();
    for (Trace t : e.traces()) {
      hits.addAll(find.apply(t));
    }
    return hits.isEmpty() ? Verdict.PASS : Verdict.fail(hits);
  }

  // ------------------------------------------------------------------ the builder

  /** The clauses of one category, as they are defined, in order. */
  static final class Book {
    private final Category category;
    private final List<Clause> out = new ArrayList<>();

    Book(Category category) {
      this.category = category;
    }

    /** Starts clause {@code id}; its {@link Def#check} adds it. */
    Def clause(String id, String statement) {
      return new Def(this, id, statement);
    }

    List<Clause> clauses() {
      return List.copyOf(out);
    }
  }

  /** One clause being defined: its statement, then why, what it reads and needs, then its check. */
  static final class Def {
    private final Book book;
    private final String id;
    private final String statement;
    private String rationale;
    private List<Link> sources = List.of();
    private List<String> scenarios = List.of();
    private Set<Feature> needs = Set.of();
    private Set<DriverChange> changes = Set.of();
    private Set<DriverChange> absent = Set.of();

    private Def(Book book, String id, String statement) {
      this.book = book;
      this.id = id;
      this.statement = statement;
    }

    Def why(String rationale, Link... sources) {
      this.rationale = rationale;
      this.sources = List.of(sources);
      return this;
    }

    Def reads(String... scenarios) {
      this.scenarios = List.of(scenarios);
      return this;
    }

    Def needs(Feature... features) {
      this.needs = Clause.ordered(List.of(features));
      return this;
    }

    Def needsDrivers(DriverChange... changes) {
      this.changes = Clause.ordered(List.of(changes));
      return this;
    }

    /** N/A on an era that carries any of {@code changes}: the clause's premise needs drivers without them. */
    Def needsDriversWithout(DriverChange... changes) {
      this.absent = Clause.ordered(List.of(changes));
      return this;
    }

    void check(Clause.Check check) {
      book.out.add(new Clause(id, book.category, statement, rationale, sources, scenarios, needs, changes, absent, check));
    }
  }
}
