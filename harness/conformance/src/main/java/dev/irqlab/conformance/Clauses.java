package dev.irqlab.conformance;

import dev.irqlab.devices.DriverChange;
import dev.irqlab.spi.Feature;
import dev.irqlab.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contract of the IRQ bypass manager, clause by clause: what include/linux/irqbypass.h and
 * the kernel-doc promise, and what the reviews and reverts of every redesign established. Each
 * clause reads only traces; none names a revision.
 */
public final class Clauses {
  private Clauses() {}

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
  static final Link PI_DOC = new Link("Documentation/virt/kvm/api.rst: KVM_IRQFD",
      "https://docs.kernel.org/virt/kvm/api.html#kvm-irqfd");

  // ------------------------------------------------------------------ helpers

  private static final List<Clause> ALL = build();

  /** Every clause of the standard suite, in order. */
  public static List<Clause> all() {
    return ALL;
  }

  private static Trace.StepTrace step(Evidence e, String scenario, String label) {
    return Checks.step(e, scenario, label);
  }

  private static boolean ok(String ret) {
    return "0".equals(ret);
  }

  private static boolean error(String ret) {
    return ret != null && ret.startsWith("-");
  }

  private static long count(List<String> callbacks, String callback) {
    return callbacks.stream().filter(callback::equals).count();
  }

  private static String show(List<String> callbacks) {
    return callbacks.isEmpty() ? "no callbacks" : String.join(", ", callbacks);
  }

  /** N/A for built-in code (the state has no module refcount). */
  private static Verdict moduleOnly(Trace.StepTrace s, java.util.function.Supplier<Verdict> check) {
    if (s.state() != null && s.state().moduleRefcount() == null) {
      return Verdict.na("needs a loadable module: this manager is built in");
    }
    return check.get();
  }

  private static final class Def {
    final List<Clause> out;
    final String id;
    final Category cat;
    final String statement;
    String rationale;
    List<Link> sources = List.of();
    List<String> scenarios = List.of();
    Set<Feature> needs = Set.of();
    Set<DriverChange> changes = Set.of();
    Set<DriverChange> absent = Set.of();

    Def(List<Clause> out, String id, Category cat, String statement) {
      this.out = out;
      this.id = id;
      this.cat = cat;
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
      out.add(new Clause(id, cat, statement, rationale, sources, scenarios, needs, changes, absent, check));
    }
  }

  private static List<Clause> build() {
    List<Clause> out = new ArrayList<>();
    java.util.function.BiFunction<String, String, Def> reg = (id, st) -> new Def(out, id, Category.REGISTRATION, st);
    java.util.function.BiFunction<String, String, Def> pair = (id, st) -> new Def(out, id, Category.PAIRING, st);
    java.util.function.BiFunction<String, String, Def> ord = (id, st) -> new Def(out, id, Category.ORDER, st);
    java.util.function.BiFunction<String, String, Def> unr = (id, st) -> new Def(out, id, Category.UNREGISTRATION, st);
    java.util.function.BiFunction<String, String, Def> err = (id, st) -> new Def(out, id, Category.ERRORS, st);
    java.util.function.BiFunction<String, String, Def> mem = (id, st) -> new Def(out, id, Category.ALLOCATION, st);
    java.util.function.BiFunction<String, String, Def> mod = (id, st) -> new Def(out, id, Category.MODULE, st);
    java.util.function.BiFunction<String, String, Def> lock = (id, st) -> new Def(out, id, Category.LOCKING, st);
    java.util.function.BiFunction<String, String, Def> life = (id, st) -> new Def(out, id, Category.LIFETIME, st);
    java.util.function.BiFunction<String, String, Def> sys = (id, st) -> new Def(out, id, Category.SYSTEM, st);
    java.util.function.BiFunction<String, String, Def> inv = (id, st) -> new Def(out, id, Category.INVARIANT, st);

    // ---------------------------------------------------------------- registration

    reg.apply("REG-01", "A producer registers alone: 0, registered, not connected.")
        .why("Producers and consumers register independently; a producer may come first.", HEADER)
        .reads("producer-alone")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-alone", "reg");
          return Verdict.check(ok(s.ret()) && s.state().registers("p0") && !s.state().connects("p0"),
              "register returned " + s.ret() + "; " + s.state().render());
        });
    reg.apply("REG-02", "A consumer registers alone: 0, registered, not connected.")
        .why("Producers and consumers register independently; a consumer may come first.", HEADER)
        .reads("consumer-alone")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-alone", "reg");
          return Verdict.check(ok(s.ret()) && s.state().registers("c0") && !s.state().connects("c0"),
              "register returned " + s.ret() + "; " + s.state().render());
        });
    reg.apply("REG-03", "A producer whose eventfd another producer holds is refused with -EBUSY.")
        .why("\"Match tokens must be unique per producer/consumer\"; -EBUSY is what every merged version returns.", HEADER, FIRST)
        .reads("duplicate-producer")
        .check(e -> {
          String ret = step(e, "duplicate-producer", "dup").ret();
          return Verdict.check("-EBUSY".equals(ret), "the duplicate got " + ret);
        });
    reg.apply("REG-04", "A consumer whose eventfd another consumer holds is refused with -EBUSY.")
        .why("1:N pairings are not supported; the second consumer must be told.", HEADER, FIRST)
        .reads("duplicate-consumer")
        .check(e -> {
          String ret = step(e, "duplicate-consumer", "dup").ret();
          return Verdict.check("-EBUSY".equals(ret), "the duplicate got " + ret);
        });
    reg.apply("REG-05", "A refused duplicate calls no callback and leaves the registered pair connected.")
        .why("A refusal must not disturb the pair that holds the key.", HEADER)
        .reads("duplicate-producer", "duplicate-consumer")
        .check(e -> {
          for (String sc : List.of("duplicate-producer", "duplicate-consumer")) {
            Trace.StepTrace s = step(e, sc, "dup");
            if (!s.callbacks().isEmpty() || !s.state().connections().equals(List.of("p0<->c0"))) {
              return Verdict.fail(sc + ": " + show(s.callbacks()) + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    reg.apply("REG-06", "Registering a registered producer again fails and leaves it registered once.")
        .why("Sean Christopherson asked whether in-flight (un)registration of the same object is allowed; v6.17 WARNs and refuses it.",
            SEAN_RULES, TOKEN_OWNERSHIP)
        .reads("reregister-producer")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-producer", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("p0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.apply("REG-07", "A registered producer registering again with another eventfd is refused.")
        .why("One struct is one registration; storing it under two keys corrupts the registry.", PRODUCER_IDENTITY, SEAN_RULES)
        .reads("reregister-producer-new-key")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-producer-new-key", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("p0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.apply("REG-08", "A registered consumer registering again with another eventfd is refused.")
        .why("Commit 4f3dbdf47e15 added the identity check; Sean noted it \"subtly gets dropped on the conversion to xarray\".",
            CONSUMER_IDENTITY, SEAN_COVER)
        .reads("reregister-consumer-new-key")
        .check(e -> {
          Trace.StepTrace s = step(e, "reregister-consumer-new-key", "again");
          return Verdict.check(error(s.ret()) && s.state().registrations("c0") == 1, "got " + s.ret() + "; " + s.state().render());
        });
    reg.apply("REG-09", "Registering without an eventfd (a NULL key) is refused with -EINVAL.")
        .why("The header says the token is non-NULL; a NULL key pairs unrelated objects.", HEADER)
        .reads("null-key")
        .check(e -> {
          String p = step(e, "null-key", "producer").ret();
          String c = step(e, "null-key", "consumer").ret();
          return Verdict.check("-EINVAL".equals(p) && "-EINVAL".equals(c), "producer got " + p + ", consumer got " + c);
        });
    reg.apply("REG-10", "A consumer without add_producer or del_producer is refused with -EINVAL.")
        .why("The header marks both consumer callbacks required; the manager calls them unchecked.", HEADER, FIRST)
        .reads("consumer-without-callbacks")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-without-callbacks", "reg");
          return Verdict.check("-EINVAL".equals(s.ret()) && !s.state().registers("c0"), "got " + s.ret() + "; " + s.state().render());
        });

    // ---------------------------------------------------------------- pairing

    pair.apply("PAIR-01", "A consumer registering after its producer connects to it.")
        .why("\"When a token match is found\" the pair is connected, whichever side came first.", HEADER)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "connect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.apply("PAIR-02", "A producer registering after its consumer connects to it.")
        .why("\"When a token match is found\" the pair is connected, whichever side came first.", HEADER)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "connect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.apply("PAIR-03", "A producer and a consumer with different eventfds do not connect.")
        .why("Matching is by eventfd (the token) only.", HEADER)
        .reads("different-keys")
        .check(e -> {
          Trace.StepTrace s = step(e, "different-keys", "other");
          return Verdict.check(ok(s.ret()) && s.callbacks().isEmpty() && s.state().connections().isEmpty(),
              show(s.callbacks()) + "; " + s.state().render());
        });
    pair.apply("PAIR-04", "When a producer leaves, the consumer connects to the next producer with its eventfd.")
        .why("The partner stays registered with no connection, and a later registration reconnects to it.", HEADER, KERNEL_DOC)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "reconnect");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p1<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    pair.apply("PAIR-05", "The producer's IRQ is set when the consumer's add_producer runs.")
        .why("\"KVM expects the IRQ to be valid as soon as a connection is possible.\"", PASS_IRQ)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "connect");
          List<TraceEntry> adds = s.entries(x -> x.kind() == TraceEntry.Kind.CALLBACK && "add_producer".equals(x.field("callback")));
          if (adds.isEmpty()) {
            return Verdict.fail("add_producer did not run");
          }
          String irq = adds.get(0).field("irq");
          return Verdict.check(String.valueOf(Machine.FIRST_API_IRQ).equals(irq), "add_producer saw irq " + irq);
        });

    // ---------------------------------------------------------------- callback order

    ord.apply("ORD-01", "A connect runs stop(P), stop(C), add_consumer(P), add_producer(C), start(C), start(P), and nothing else.")
        .why("The theory of operation: optional @stop, then @add_*, then optional @start; stop is producer first, start consumer first.", HEADER, FIRST)
        .reads("producer-first", "consumer-first")
        .needs(Feature.STOP_START, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> want = List.of("p0.stop", "c0.stop", "p0.add_consumer", "c0.add_producer", "c0.start", "p0.start");
          for (String sc : List.of("producer-first", "consumer-first")) {
            List<String> got = step(e, sc, "connect").callbacks();
            if (!got.equals(want)) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    ord.apply("ORD-02", "A disconnect runs stop(P), stop(C), del_producer(C), del_consumer(P), start(C), start(P).")
        .why("\"When either side unregisters, the same process runs with @del_* in place of @add_*\"; del is the reverse of add.", HEADER, FIRST)
        .reads("producer-first", "consumer-first")
        .needs(Feature.STOP_START, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> want = List.of("p0.stop", "c0.stop", "c0.del_producer", "p0.del_consumer", "c0.start", "p0.start");
          for (String sc : List.of("producer-first", "consumer-first")) {
            List<String> got = step(e, sc, "disconnect").callbacks();
            if (!got.equals(want)) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    ord.apply("ORD-03", "Optional callbacks left NULL are skipped: a producer with none connects and disconnects.")
        .why("vfio-pci and vhost-vdpa set no producer callbacks; only the consumer's add/del are required.", HEADER)
        .reads("optional-callbacks")
        .check(e -> {
          Trace.StepTrace c = step(e, "optional-callbacks", "connect");
          Trace.StepTrace d = step(e, "optional-callbacks", "disconnect");
          return Verdict.check(ok(c.ret()) && c.callbacks().equals(List.of("c0.add_producer")) && d.callbacks().equals(List.of("c0.del_producer")),
              "connect: " + show(c.callbacks()) + "; disconnect: " + show(d.callbacks()));
        });
    ord.apply("ORD-04", "A successful connect calls no del callback.")
        .why("The v5.9 change \"erroneously calls the producer destructor unconditionally\", said its revert.", REVERT, M59)
        .reads("producer-first", "consumer-first")
        .needs(Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first")) {
            List<String> got = step(e, sc, "connect").callbacks();
            if (got.stream().anyMatch(c -> c.contains(".del_"))) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    ord.apply("ORD-05", "Each side's add callback runs once per connect, and del once per disconnect.")
        .why("Consumers such as KVM's set up posting in add_producer; a second call would do it twice.", HEADER)
        .reads("producer-first", "consumer-first", "optional-callbacks")
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first", "optional-callbacks")) {
            List<String> c = step(e, sc, "connect").callbacks();
            List<String> d = step(e, sc, "disconnect").callbacks();
            if (count(c, "c0.add_producer") != 1 || count(d, "c0.del_producer") != 1 || count(c, "p0.add_consumer") > 1) {
              return Verdict.fail(sc + ": connect " + show(c) + "; disconnect " + show(d));
            }
          }
          return Verdict.PASS;
        });

    // ---------------------------------------------------------------- unregistration

    unr.apply("UNR-01", "Unregistering a connected producer disconnects it and leaves the consumer registered.")
        .why("The partner stays registered, unconnected, for a later producer.", HEADER, KERNEL_DOC)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "producer-first", "disconnect");
          return Verdict.check(s.callbacks().contains("c0.del_producer") && !s.state().registers("p0") && s.state().registers("c0")
              && s.state().connections().isEmpty(), show(s.callbacks()) + "; " + s.state().render());
        });
    unr.apply("UNR-02", "Unregistering a connected consumer disconnects it and leaves the producer registered.")
        .why("The partner stays registered, unconnected, for a later consumer.", HEADER, KERNEL_DOC)
        .reads("consumer-first")
        .check(e -> {
          Trace.StepTrace s = step(e, "consumer-first", "disconnect");
          return Verdict.check(s.callbacks().contains("c0.del_producer") && !s.state().registers("c0") && s.state().registers("p0")
              && s.state().connections().isEmpty(), show(s.callbacks()) + "; " + s.state().render());
        });
    unr.apply("UNR-03", "Unregistering an object that never registered is harmless.")
        .why("Sean Christopherson asked whether unregister without register is allowed; v6.17 returns early for it.", SEAN_RULES, TOKEN_OWNERSHIP)
        .reads("unregister-never-registered")
        .check(e -> {
          for (String l : List.of("producer", "consumer")) {
            Trace.StepTrace s = step(e, "unregister-never-registered", l);
            boolean reports = s.entries().stream().anyMatch(x -> x.kind() == TraceEntry.Kind.REPORT);
            if (!s.callbacks().isEmpty() || reports || !s.state().connections().equals(List.of("p0<->c0"))) {
              return Verdict.fail(l + ": " + show(s.callbacks()) + (reports ? ", a report" : "") + "; " + s.state().render());
            }
          }
          return Verdict.PASS;
        });
    unr.apply("UNR-04", "Unregistering a producer whose registration failed is harmless.")
        .why("The 2020 list_del crash: vfio-pci unregistered a producer refused with -EBUSY and the manager matched another by token.",
            CLEAR_TOKEN, PRODUCER_IDENTITY, KERNEL_DOC)
        .reads("unregister-failed-producer")
        .check(e -> harmless(step(e, "unregister-failed-producer", "unreg")));
    unr.apply("UNR-05", "Unregistering a consumer whose registration failed is harmless.")
        .why("Commit 4f3dbdf47e15 made unregister_consumer find the consumer by identity, not by token.", CONSUMER_IDENTITY, KERNEL_DOC)
        .reads("unregister-failed-consumer")
        .check(e -> harmless(step(e, "unregister-failed-consumer", "unreg")));
    unr.apply("UNR-06", "Unregistering an object a second time is harmless.")
        .why("Callers tear down on several paths; v6.17 returns early for an unregistered object.", TOKEN_OWNERSHIP, SEAN_RULES)
        .reads("unregister-twice")
        .check(e -> {
          for (String l : List.of("producer", "consumer")) {
            Trace.StepTrace s = step(e, "unregister-twice", l);
            boolean reports = s.entries().stream().anyMatch(x -> x.kind() == TraceEntry.Kind.REPORT);
            if (!s.callbacks().isEmpty() || reports) {
              return Verdict.fail(l + ": " + show(s.callbacks()) + (reports ? ", a report" : ""));
            }
          }
          return Verdict.PASS;
        });
    unr.apply("UNR-07", "An unregistered object can register again, with another eventfd, and connects.")
        .why("Drivers reuse the struct embedded in their context when user space changes the eventfd.", HEADER)
        .reads("reuse-after-unregister")
        .check(e -> {
          Trace.StepTrace r = step(e, "reuse-after-unregister", "reuse");
          Trace.StepTrace c = step(e, "reuse-after-unregister", "connect");
          return Verdict.check(ok(r.ret()) && ok(c.ret()) && c.state().connections().equals(List.of("p0<->c1")),
              "reuse got " + r.ret() + ", connect got " + c.ret() + "; " + c.state().render());
        });

    // ---------------------------------------------------------------- error paths

    err.apply("ERR-01", "A registration whose connect fails returns the callback's error.")
        .why("The caller must be able to tell that bypass is not set up.", HEADER, NAK)
        .reads("connect-fails", "connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          String a = step(e, "connect-fails", "connect").ret();
          String b = step(e, "connect-fails-producer", "connect").ret();
          return Verdict.check("-EBUSY".equals(a) && "-EBUSY".equals(b), "got " + a + " and " + b);
        });
    err.apply("ERR-02", "A registration whose connect fails leaves nothing registered.")
        .why("\"The producer is registered to the xarray regardless of the result of the connect operation and the caller cannot distinguish between failures.\"",
            NAK)
        .reads("connect-fails", "connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace a = step(e, "connect-fails", "connect");
          Trace.StepTrace b = step(e, "connect-fails-producer", "connect");
          return Verdict.check(!a.state().registers("p0") && !b.state().registers("c0"),
              "after the failed connect: " + a.state().render());
        });
    err.apply("ERR-03", "After a failed connect the partner stays registered, and a later producer connects to it.")
        .why("A failed connect is not the partner's fault; \"there is a number of benign reasons for a connect to fail\".", REVERT, NAK)
        .reads("connect-fails-later-partner")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace s = step(e, "connect-fails-later-partner", "later");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p1<->c0")), "got " + s.ret() + "; " + s.state().render());
        });
    err.apply("ERR-04", "A failed connect restarts both sides: each stop is followed by its start.")
        .why("Stopping a consumer may suspend the VM (arm64 GICv4); \"should the connect fail, the VM will not be resumed\".", REVERT, M59)
        .reads("connect-fails", "connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS, Feature.STOP_START)
        .check(e -> {
          for (String sc : List.of("connect-fails", "connect-fails-producer")) {
            List<String> got = step(e, sc, "connect").callbacks();
            if (count(got, "p0.stop") != count(got, "p0.start") || count(got, "c0.stop") != count(got, "c0.start")
                || got.indexOf("c0.start") < got.indexOf("c0.stop")) {
              return Verdict.fail(sc + ": " + show(got));
            }
          }
          return Verdict.PASS;
        });
    err.apply("ERR-05", "When add_producer fails after add_consumer succeeded, del_consumer undoes it.")
        .why("__connect: \"if (ret && prod->del_consumer) prod->del_consumer(prod, cons)\".", FIRST, HEADER)
        .reads("connect-fails")
        .needs(Feature.CONNECT_ERRORS, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> got = step(e, "connect-fails", "connect").callbacks();
          int add = got.indexOf("c0.add_producer");
          int del = got.indexOf("p0.del_consumer");
          return Verdict.check(add >= 0 && del > add && count(got, "p0.del_consumer") == 1, show(got));
        });
    err.apply("ERR-06", "When add_consumer fails, neither add_producer nor any del callback runs.")
        .why("Only the side that connected is undone.", FIRST)
        .reads("connect-fails-producer")
        .needs(Feature.CONNECT_ERRORS, Feature.PRODUCER_CALLBACKS)
        .check(e -> {
          List<String> got = step(e, "connect-fails-producer", "connect").callbacks();
          return Verdict.check(got.contains("p0.add_consumer") && got.stream().noneMatch(c -> c.endsWith(".add_producer") || c.contains(".del_")), show(got));
        });
    err.apply("ERR-07", "Unregistering an object whose connect failed is harmless.")
        .why("\"Note, it's safe to call this even if registration was unsuccessful.\" (v6.17 kernel-doc)", KERNEL_DOC, NAK)
        .reads("connect-fails")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> harmlessAlone(step(e, "connect-fails", "unreg")));
    err.apply("ERR-08", "A registration that failed to connect can be retried and connects.")
        .why("The caller was told it failed; nothing of it may stand in the way of the next attempt.", NAK)
        .reads("connect-fails-retry")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace s = step(e, "connect-fails-retry", "retry");
          return Verdict.check(ok(s.ret()) && s.state().connections().equals(List.of("p0<->c0")), "retry got " + s.ret() + "; " + s.state().render());
        });

    // ---------------------------------------------------------------- allocation failure

    mem.apply("MEM-01", "A registration that cannot allocate either succeeds or leaves nothing registered and nothing connected.")
        .why("\"This leaves the producer and consumer connected but not tracked in the producers xarray.\"", V1_REVIEW)
        .reads("alloc-fails")
        .check(e -> {
          Trace.StepTrace s = step(e, "alloc-fails", "reg");
          if (ok(s.ret())) {
            return Verdict.check(s.state().connections().equals(List.of("p0<->c0")), "returned 0; " + s.state().render());
          }
          boolean added = s.callbacks().contains("c0.add_producer") && !s.callbacks().contains("c0.del_producer");
          return Verdict.check(!s.state().registers("p0") && !added,
              "returned " + s.ret() + " after " + show(s.callbacks()) + "; " + s.state().render());
        });
    mem.apply("MEM-02", "After an allocation failure, the retry connects the pair exactly once.")
        .why("A connect left behind by a failed registration is repeated by the retry.", V1_REVIEW)
        .reads("alloc-fails")
        .check(e -> {
          Trace.StepTrace a = step(e, "alloc-fails", "reg");
          Trace.StepTrace b = step(e, "alloc-fails", "retry");
          long adds = count(a.callbacks(), "c0.add_producer") - count(a.callbacks(), "c0.del_producer") + count(b.callbacks(), "c0.add_producer");
          return Verdict.check(adds == 1 && b.state().connections().equals(List.of("p0<->c0")),
              "add_producer ran " + adds + " times without a del; " + b.state().render());
        });

    // ---------------------------------------------------------------- module

    mod.apply("MOD-01", "After every registration is undone, the module refcount is back where it started.")
        .why("Each registration that holds a module reference gives it back on unregister.", FIRST)
        .reads("producer-first")
        .check(e -> {
          Trace.StepTrace base = step(e, "producer-first", "base");
          Trace.StepTrace done = step(e, "producer-first", "done");
          return moduleOnly(base, () -> Verdict.check(base.state().moduleRefcount().equals(done.state().moduleRefcount()),
              "refcount " + base.state().moduleRefcount() + " before, " + done.state().moduleRefcount() + " after"));
        });
    mod.apply("MOD-02", "A failed registration, unregistered, leaves the module refcount where it started.")
        .why("\"The module reference is released regardless of xarray item.\"", NAK)
        .reads("connect-fails")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace.StepTrace base = step(e, "connect-fails", "base");
          Trace.StepTrace done = step(e, "connect-fails", "done");
          return moduleOnly(base, () -> Verdict.check(base.state().moduleRefcount().equals(done.state().moduleRefcount()),
              "refcount " + base.state().moduleRefcount() + " before, " + done.state().moduleRefcount() + " after"));
        });
    mod.apply("MOD-03", "While a caller that imports the manager is loaded, rmmod irqbypass is refused and its registrations keep working.")
        .why("The callers (kvm, vfio-pci, vhost-vdpa) import irq_bypass_register_*(), so the module loader refuses to unload the manager "
            + "under them; Sean Christopherson's 1/8 drops the manager's own THIS_MODULE get/put as pointless for that reason, where v4.4 "
            + "also pinned the module per registration.", FIRST, DROP_MODULE_GET)
        .reads("rmmod-while-registered")
        .check(e -> {
          Trace.StepTrace s = step(e, "rmmod-while-registered", "rmmod");
          return moduleOnly(s, () -> {
            if (!error(s.result())) {
              return Verdict.fail("rmmod returned " + s.result() + " with p0 registered");
            }
            Trace.StepTrace unreg = step(e, "rmmod-while-registered", "unreg");
            return harmlessAlone(unreg).passed() && !unreg.state().registers("p0") ? Verdict.PASS
                : Verdict.fail("after the refused rmmod, unregister p0: " + harmlessAlone(unreg).detail() + "; " + unreg.state().render());
          });
        });
    mod.apply("MOD-04", "Once every caller has unregistered and unloaded, rmmod irqbypass succeeds.")
        .why("Nothing but its importers and its registrations may pin the module.", FIRST)
        .reads("rmmod-after-unregister")
        .check(e -> {
          Trace t = Checks.completed(e, "rmmod-after-unregister");
          if (t.end() != null && t.end().moduleRefcount() == null) {
            return Verdict.na("needs a loadable module: this manager is built in");
          }
          String ret = t.teardown().stream()
              .filter(x -> x.kind() == TraceEntry.Kind.RESULT && "manager".equals(x.field("role")))
              .map(x -> x.field("ret")).findFirst().orElse(null);
          return Verdict.check(ok(ret), "the teardown's rmmod irqbypass returned " + ret);
        });

    // ---------------------------------------------------------------- locking

    lock.apply("LOCK-01", "Every callback runs under the manager's lock, so connects never interleave.")
        .why("The single mutex serialises registration and the whole connect; consumers rely on it.", HEADER, SEAN_COVER)
        .reads("producer-first", "consumer-first", "connect-fails")
        .check(e -> {
          for (String sc : List.of("producer-first", "consumer-first", "connect-fails")) {
            for (Trace.StepTrace s : Checks.completed(e, sc).steps()) {
              for (TraceEntry x : s.entries(x -> x.kind() == TraceEntry.Kind.CALLBACK)) {
                if ("0".equals(x.field("locks"))) {
                  return Verdict.fail(sc + ": " + x.text() + " ran with no lock held");
                }
              }
            }
          }
          return Verdict.PASS;
        });
    lock.apply("LOCK-02", "No entry point returns with a lock held, in any scenario.")
        .why("lockdep: \"lock held when returning to user space\"; every entry point takes and drops one mutex.", HEADER)
        .reads()
        .check(e -> none(e, t -> Checks.reports(t, Set.of("LOCKDEP"))));

    // ---------------------------------------------------------------- lifetime

    life.apply("LIFE-01", "Once unregister returns, the manager never touches the object again.")
        .why("The device frees the struct it embeds right after unregistering it.", HEADER, KERNEL_DOC)
        .reads("free-after-unregister")
        .check(e -> {
          Trace t = Checks.completed(e, "free-after-unregister");
          List<String> kasan = t.reports("KASAN");
          return Verdict.check(kasan.isEmpty(), kasan.isEmpty() ? "" : kasan.get(0));
        });
    life.apply("LIFE-02", "A failed registration leaves the manager no pointer to the object.")
        .why("A caller told that registration failed frees its struct; the manager must not reach it later.", NAK)
        .reads("connect-fails-free")
        .needs(Feature.CONNECT_ERRORS)
        .check(e -> {
          Trace t = e.trace("connect-fails-free");
          List<String> kasan = t.reports("KASAN");
          if (!kasan.isEmpty()) {
            return Verdict.fail(kasan.get(0));
          }
          Checks.completed(e, "connect-fails-free");
          return Verdict.PASS;
        });

    // ---------------------------------------------------------------- drivers end to end

    sys.apply("SYS-01", "A VFIO vector wired to a VM's irqfd on a posting host delivers each interrupt once, posted.")
        .why("The point of the manager: the IRTE posts the device interrupt straight to the vCPU.", FIRST, PI_DOC)
        .reads("sys-vfio-irqfd", "sys-vector-first")
        .check(e -> {
          for (String sc : List.of("sys-vfio-irqfd", "sys-vector-first")) {
            List<String> paths = paths(step(e, sc, "fire"));
            if (!paths.equals(List.of("posted"))) {
              return Verdict.fail(sc + ": the interrupt arrived by " + paths);
            }
          }
          return Verdict.PASS;
        });
    sys.apply("SYS-02", "Bypass is active exactly while both sides are registered and connected.")
        .why("Deassigning the irqfd must return the vector to the eventfd path; reassigning must post again.", FIRST, PI_DOC)
        .reads("sys-vfio-irqfd")
        .check(e -> {
          String[][] expect = {{"fire", "posted"}, {"fire-deassigned", "eventfd"}, {"fire-reassigned", "posted"}};
          for (String[] x : expect) {
            Trace.StepTrace s = step(e, "sys-vfio-irqfd", x[0]);
            List<String> paths = paths(s);
            boolean connected = !s.state().connections().isEmpty();
            if (!paths.equals(List.of(x[1])) || connected != x[1].equals("posted")) {
              return Verdict.fail(x[0] + ": arrived by " + paths + " with " + (connected ? "a" : "no") + " connection");
            }
          }
          return Verdict.PASS;
        });
    sys.apply("SYS-03", "An interrupt before the irqfd exists reaches user space; once it exists, it is posted.")
        .why("The order in which user space wires the two ends must not matter.", PI_DOC)
        .reads("sys-vector-first")
        .check(e -> {
          List<String> before = paths(step(e, "sys-vector-first", "fire-unbound"));
          List<String> after = paths(step(e, "sys-vector-first", "fire"));
          return Verdict.check(before.equals(List.of("eventfd")) && after.equals(List.of("posted")), "before: " + before + ", after: " + after);
        });
    sys.apply("SYS-04", "VFIO_DEVICE_SET_IRQS succeeds when a vector's bypass registration fails.")
        .why("\"The irq bypass registration cannot cause the vector setup to fail\" (Alex Williamson, 2020).", CLEAR_TOKEN)
        .reads("sys-shared-eventfd")
        .needsDriversWithout(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Trace.StepTrace s = step(e, "sys-shared-eventfd", "enable");
          List<String> paths = paths(step(e, "sys-shared-eventfd", "fire1"));
          return Verdict.check(ok(s.result()) && paths.size() == 1, "VFIO_DEVICE_SET_IRQS returned " + s.result() + "; vector 1 arrived by " + paths);
        });
    sys.apply("SYS-05", "Disabling a vector whose bypass registration failed leaves the other vector's bypass alone.")
        .why("The 2020 list_del crash came from vfio_msi_set_vector_signal unregistering the refused producer.", CLEAR_TOKEN, PRODUCER_IDENTITY)
        .reads("sys-shared-eventfd")
        .needsDriversWithout(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Trace.StepTrace s = step(e, "sys-shared-eventfd", "disable");
          List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
          List<String> paths = paths(step(e, "sys-shared-eventfd", "fire0-again"));
          return Verdict.check(ok(s.result()) && reports.isEmpty() && s.state().connects("vfio0.msix0") && paths.equals(List.of("posted")),
              "returned " + s.result() + (reports.isEmpty() ? "" : "; " + reports.get(0)) + "; " + s.state().render()
                  + "; vector 0 then arrived by " + paths);
        });
    sys.apply("SYS-06", "Destroying the VM tears its bypass down: the vector's interrupts go back to the eventfd.")
        .why("irqfd shutdown unregisters the consumer before the irqfd is freed.", PI_DOC)
        .reads("sys-vm-closed")
        .check(e -> {
          Trace.StepTrace close = step(e, "sys-vm-closed", "close");
          Trace.StepTrace fire = step(e, "sys-vm-closed", "fire");
          List<String> paths = paths(fire);
          return Verdict.check(close.state().connections().isEmpty() && paths.equals(List.of("eventfd")),
              close.state().render() + "; then arrived by " + paths);
        });
    sys.apply("SYS-07", "A vDPA virtqueue whose call eventfd feeds an irqfd delivers once, posted.")
        .why("vhost-vdpa offloads virtqueue interrupts through the same manager since v5.9.", PI_DOC)
        .reads("sys-vdpa")
        .needsDrivers(DriverChange.VDPA_IRQ_OFFLOAD)
        .check(e -> {
          List<String> paths = paths(step(e, "sys-vdpa", "fire"));
          return Verdict.check(paths.equals(List.of("posted")), "arrived by " + paths);
        });
    sys.apply("SYS-08", "With drivers that report bypass failures, a KVM_IRQFD whose consumer cannot connect fails with the manager's error "
        + "and leaves nothing registered, leaked or posted.")
        .why("Sean Christopherson, 2025: \"not reporting an error to userspace if connect() fails is *awful* behavior for environments "
            + "that want/need irqbypass to always work\". A failed ioctl must be as if it never ran, so that the caller can try again.",
            SEAN_COVER_V1, PI_DOC)
        .reads("sys-irqfd-connect-fails")
        .needsDrivers(DriverChange.KVM_IRQFD_REPORTS_BYPASS_FAILURE)
        .check(e -> reportedAndUndone(e, "sys-irqfd-connect-fails", "assign", "irq_bypass_register_consumer", List.of("vfio0.msix0@efd0"), List.of()));
    sys.apply("SYS-09", "With drivers that report bypass failures, a VFIO_DEVICE_SET_IRQS whose producer cannot connect fails with the "
        + "manager's error and leaves nothing registered, leaked or posted, even after a reroute.")
        .why("The other half of the same cover letter: the vector is undone (free_irq, the trigger put, the context freed), so no "
            + "routing update may find what the failed connect left in the irqfd.", SEAN_COVER_V1, ALEX_VECTOR_WORKS, NULLIFY_PRODUCER)
        .reads("sys-vector-connect-fails")
        .needsDrivers(DriverChange.VFIO_REPORTS_BYPASS_FAILURE)
        .check(e -> {
          Verdict v = reportedAndUndone(e, "sys-vector-connect-fails", "enable", "irq_bypass_register_producer", List.of(), List.of("vm0.irqfd(efd0)@efd0"));
          List<String> rerouted = paths(step(e, "sys-vector-connect-fails", "fire-rerouted"));
          return !v.passed() || rerouted.isEmpty() ? v : Verdict.fail("after the reroute the vector arrived by " + rerouted);
        });
    sys.apply("SYS-10", "KVM_IRQFD_FLAG_NO_IRQBYPASS registers no consumer, and its interrupts arrive through the eventfd and the irqfd.")
        .why("Proposed in the same cover letter \"so that userspace can opt-out on a per-IRQ basis\": an irqfd that is never eligible "
            + "for bypass costs the manager nothing, and its shutdown has nothing to unregister.", SEAN_COVER_V1, PI_DOC)
        .reads("sys-irqfd-no-irqbypass")
        .needsDrivers(DriverChange.KVM_IRQFD_NO_IRQBYPASS_FLAG)
        .check(Clauses::noIrqBypass);

    // ---------------------------------------------------------------- global invariants

    inv.apply("INV-01", "No use-after-free, double free or invalid free, in any scenario.")
        .why("KASAN: every object the manager reaches must be live.", HEADER)
        .reads()
        .check(e -> none(e, t -> Checks.reports(t, Set.of("KASAN"))));
    inv.apply("INV-02", "Nothing is left allocated after every process exits and the module unloads.")
        .why("kmemleak after teardown: the manager's own allocations (xarray nodes) go with its registrations.", KERNEL_DOC)
        .reads()
        .check(e -> none(e, t -> {
          List<Finding> r = new ArrayList<>(Checks.reports(t, Set.of("KMEMLEAK")));
          t.machine().leaks().forEach(l -> r.add(new Finding(t.scenario(), "teardown", "LEAK", l)));
          return r;
        }));
    inv.apply("INV-03", "No interrupt is lost, misrouted or delivered twice, in any scenario.")
        .why("The guest counts every interrupt: bypass may change the path, never the count.", PI_DOC)
        .reads()
        .check(e -> none(e, t -> t.machine().anomalies().stream().map(a -> new Finding(t.scenario(), null, "ANOMALY", a)).toList()));
    inv.apply("INV-04", "No oops, BUG, list corruption, refcount error, soft lockup or hang, in any scenario.")
        .why("A caller's ordinary sequence must not crash the host.", HEADER)
        .reads()
        .check(e -> none(e, t -> {
          List<Finding> r = new ArrayList<>(Checks.reports(t, Set.of("BUG", "LIST_CORRUPTION", "REFCOUNT", "SOFT_LOCKUP", "SLEEP_IN_ATOMIC")));
          Trace.Outcome o = t.outcome();
          boolean logged = o.kind() == Trace.Outcome.Kind.OOPS && r.stream().anyMatch(f -> f.text().startsWith(o.headline()));
          if (!o.completed() && !logged) {
            r.add(new Finding(t.scenario(), Checks.stepLabel(t, o.step()), o.kind().name(),
                o.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + o.headline()));
          }
          return r;
        }));
    return List.copyOf(out);
  }

  /**
   * The ioctl of step {@code label} returned what {@code function} returned, an error, and left
   * the manager as it was ({@code producers} and {@code consumers} registered, nothing
   * connected); the fire after it was not posted; the retry connects and posts; no sanitizer
   * report and nothing left after the teardown.
   */
  private static Verdict reportedAndUndone(Evidence e, String sc, String label, String function, List<String> producers, List<String> consumers) {
    Trace.StepTrace s = step(e, sc, label);
    String manager = s.entries(x -> x.kind() == TraceEntry.Kind.RETURN && function.equals(x.field("function"))).stream()
        .map(x -> x.field("ret")).findFirst().orElse(null);
    if (!error(s.result()) || !s.result().equals(manager)) {
      return Verdict.fail(label + " returned " + s.result() + " where " + function + " returned " + manager);
    }
    State after = s.state();
    if (!after.producers().equals(producers) || !after.consumers().equals(consumers) || !after.connections().isEmpty()) {
      return Verdict.fail("after " + label + ": " + s.state().render());
    }
    List<String> fire = paths(step(e, sc, "fire"));
    Trace.StepTrace retry = step(e, sc, "retry");
    List<String> again = paths(step(e, sc, "fire-retry"));
    if (fire.contains("posted") || !ok(retry.result()) || retry.state().connections().isEmpty() || !again.equals(List.of("posted"))) {
      return Verdict.fail("then arrived by " + fire + "; the retry returned " + retry.result() + " with " + retry.state().render()
          + " and arrived by " + again);
    }
    Trace t = Checks.completed(e, sc);
    List<String> left = new ArrayList<>(t.reports("KASAN"));
    left.addAll(t.reports("KMEMLEAK"));
    left.addAll(t.machine().leaks());
    return Verdict.check(left.isEmpty(), left.isEmpty() ? "" : left.get(0));
  }

  /** SYS-10: no consumer at any step, none unregistered, the irqfd path while assigned, the eventfd after. */
  private static Verdict noIrqBypass(Evidence e) {
    String sc = "sys-irqfd-no-irqbypass";
    for (String label : List.of("assign", "enable", "deassign", "reassign", "close", "disable")) {
      Trace.StepTrace s = step(e, sc, label);
      boolean unregistered = !s.entries(x -> x.kind() == TraceEntry.Kind.CALL && "irq_bypass_unregister_consumer".equals(x.field("function"))).isEmpty();
      if (!ok(s.result()) || !s.state().consumers().isEmpty() || unregistered) {
        return Verdict.fail(label + " returned " + s.result() + (unregistered ? " and unregistered a consumer" : "") + "; " + s.state().render());
      }
    }
    List<String> assigned = paths(step(e, sc, "fire"));
    List<String> deassigned = paths(step(e, sc, "fire-deassigned"));
    return Verdict.check(assigned.equals(List.of("irqfd")) && deassigned.equals(List.of("eventfd")),
        "arrived by " + assigned + " while assigned and by " + deassigned + " after the deassign");
  }

  /** The paths an interrupt fired in this step took. */
  private static List<String> paths(Trace.StepTrace s) {
    return s.entries(x -> x.kind() == TraceEntry.Kind.INTERRUPT && x.field("path") != null).stream().map(x -> x.field("path")).toList();
  }

  /** Harmless: no callback, no report, and the registered pair p0-c0 still connected. */
  private static Verdict harmless(Trace.StepTrace s) {
    List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
    if (!s.callbacks().isEmpty() || !reports.isEmpty() || !s.state().connections().equals(List.of("p0<->c0"))) {
      return Verdict.fail(show(s.callbacks()) + (reports.isEmpty() ? "" : "; " + reports.get(0)) + "; " + s.state().render());
    }
    return Verdict.PASS;
  }

  /** Harmless for an object with no connected partner: no callback, no report. */
  private static Verdict harmlessAlone(Trace.StepTrace s) {
    List<String> reports = s.entries(x -> x.kind() == TraceEntry.Kind.REPORT && x.field("detail") == null).stream().map(TraceEntry::text).toList();
    return Verdict.check(s.callbacks().isEmpty() && reports.isEmpty(), show(s.callbacks()) + (reports.isEmpty() ? "" : "; " + reports.get(0)));
  }

  /** PASS when {@code find} finds nothing in any trace; else every finding, told as the first and where. */
  private static Verdict none(Evidence e, java.util.function.Function<Trace, List<Finding>> find) {
    List<Finding> hits = new ArrayList<>();
    for (Trace t : e.traces()) {
      hits.addAll(find.apply(t));
    }
    return hits.isEmpty() ? Verdict.PASS : Verdict.fail(hits);
  }
}
