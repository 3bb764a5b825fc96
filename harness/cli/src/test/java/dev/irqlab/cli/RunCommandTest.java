package dev.irqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.Trace;
import dev.irqlab.conformance.report.Reports;
import dev.irqlab.conformance.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqlab run FILE}: a scenario in the text format. */
class RunCommandTest {
  private static final String DEMO = String.join("\n",
      "# A consumer whose connect fails, then a producer with the same eventfd.",
      "title the consumer refuses the producer",
      "eventfd efd0",
      "consumer c0 add=-EBUSY",
      "producer p0",
      "register c0 efd0",
      "connect: register p0 efd0     # the connect fails here",
      "unregister p0",
      "unregister c0",
      "");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void minusReadsTheScenarioFromTheStandardInput() throws IOException {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(DEMO.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Cli.Run r = Cli.run("run", "-");
      assertEquals(Main.OK, r.code(), r.err());
      assertEquals("scenario stdin on v6.17 with the v6.17 drivers", r.out().lines().findFirst().orElse(""));
      assertEquals(Cli.run("run", write("demo.irq", DEMO).toString()).out().lines().skip(1).toList(), r.out().lines().skip(1).toList());
      System.setIn(new java.io.ByteArrayInputStream("bogus op\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Cli.run("run", "-").assertUsageError("<stdin>:1:1: unknown operation 'bogus': expected one of close, consumer, deassign,"
          + " disable-irqs, eoi, eventfd, fail, fire, free, irqfd, kvm-vfio, kvm-vfio-del, poll, producer, read, register, rmmod,"
          + " route, script, set-irqs, signal, status, trigger, unregister, unroute, vdpa, vfio, vm, vring-call");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void byDefaultItRunsOnTheNewestMergedRevisionWithItsDrivers() throws IOException {
    Cli.Run r = Cli.run("run", write("demo.irq", DEMO).toString());
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("scenario demo on v6.17 with the v6.17 drivers", lines.get(0));
    assertTrue(lines.contains("connect: register p0 efd0"), r.out());
    assertTrue(lines.contains("    irq_bypass_register_producer = -EBUSY")
        || lines.contains("    irq_bypass_register_producer(p0, efd0, 100) = -EBUSY"), r.out());
    assertEquals("result: completed", lines.get(lines.size() - 1));
  }

  @Test
  void allRunsItOnEveryRevisionInHistoryOrderAndEraOverridesTheDrivers() throws IOException {
    Cli.Run r = Cli.run("run", write("demo.irq", DEMO).toString(), "--revision", "all", "--era", "v6.16");
    assertEquals(Main.OK, r.code(), r.err());
    List<String> heads = r.out().lines().filter(l -> l.startsWith("scenario demo on ")).toList();
    assertEquals(RevisionHistoryTest.ALL.stream().map(id -> "scenario demo on " + id + " with the v6.16 drivers").toList(), heads);
  }

  /** The README's example of the proposed flag: accepted with the proposal's drivers, an unknown flag with 6.17's. */
  @Test
  void theNoIrqBypassExampleWithAndWithoutTheProposalsDrivers() {
    String file = Path.of("../../examples/no-irqbypass.irq").toString();
    Cli.Run with = Cli.run("run", file, "--revision", "v6.17", "--era", "proposal-report-errors");
    assertEquals(Main.OK, with.code(), with.err());
    List<String> lines = with.out().lines().toList();
    assertEquals("scenario no-irqbypass-example on v6.17 with the proposal-report-errors drivers", lines.get(0));
    assertEquals("    KVM_IRQFD = 0", lines.get(lines.indexOf("assign: irqfd vm0 efd0 24 flags=no-irqbypass") + 1));
    assertTrue(lines.contains("    interrupt vfio0.msix0 -> vm0/vcpu1 vector 0x41 (irqfd)"), with.out());
    assertTrue(lines.stream().noneMatch(l -> l.contains("irq_bypass_register_consumer")), with.out());
    Cli.Run without = Cli.run("run", file, "--revision", "v6.17");
    List<String> old = without.out().lines().toList();
    assertEquals("    KVM_IRQFD = -EINVAL", old.get(old.indexOf("assign: irqfd vm0 efd0 24 flags=no-irqbypass") + 1));
  }

  @Test
  void jsonIsTheRunReportWithOneTracePerRevision() throws IOException {
    Cli.Run r = Cli.run("run", write("demo.irq", DEMO).toString(), "--revision", "xarray-v2-2023", "--format", "json");
    assertEquals(Main.OK, r.code(), r.err());
    RunReport run = Reports.runFromJson("out", r.out());
    assertEquals("demo", run.scenario().id());
    assertEquals(1, run.traces().size());
    Trace t = run.traces().get(0);
    assertEquals("xarray-v2-2023", t.revision());
    assertEquals("v6.5", t.era());
    assertEquals("-EBUSY", t.step("connect").result());
  }

  @Test
  void aMalformedScenarioNamesTheFileLineAndColumnWithoutAStackTrace() throws IOException {
    Path bad = write("bad.irq", "eventfd efd0\nregister c0 efd9\n");
    Cli.Run r = Cli.run("run", bad.toString());
    r.assertUsageError(bad + ":2:10: unknown name 'c0': expected a producer or consumer declared above");
    assertEquals("", r.out());
  }

  @Test
  void aMissingFileAnUnknownRevisionEraOrFormatIsAUsageError() throws IOException {
    Path missing = dir.resolve("nothere.irq");
    Cli.run("run", missing.toString()).assertUsageError(missing + ": no such file");
    Cli.run("run", dir.toString()).assertUsageError(dir + ": is a directory: expected a scenario file");
    Path demo = write("demo.irq", DEMO);
    Cli.run("run", demo.toString(), "--revision", "v9").assertUsageError("unknown revision 'v9': the revisions are "
        + String.join(", ", RevisionHistoryTest.ALL));
    Cli.run("run", demo.toString(), "--era", "v9").assertUsageError(
        "unknown driver era 'v9': the known eras are rfc-2015, v4.4, v5.9, v6.5, v6.16, v6.16-eventfd, v6.17, v6.17-fix, proposal-report-errors");
    Cli.run("run", demo.toString(), "--format", "html").assertUsageError("unknown format 'html': expected text or json");
  }

  /** {@code --host} overrides the scenario's host line; the trace says which host it ran on; a bad setting is a usage error. */
  @Test
  void hostSettingsComeFromTheFileAndTheCommandLine() throws IOException {
    Path demo = write("demo.irq", DEMO);
    assertEquals(List.of(), Cli.run("run", demo.toString()).out().lines().filter(l -> l.startsWith("host:")).toList());
    Path arm = write("arm.irq", "host arch=arm64 posting=0\n" + DEMO);
    List<String> lines = Cli.run("run", arm.toString(), "--host", "posting=1,vendor=amd").out().lines().toList();
    assertEquals("host: arch=arm64 vendor=amd", lines.get(1));
    Cli.run("run", demo.toString(), "--host", "arch=sparc").assertUsageError("--host: 'sparc' is not a value of arch: expected x86 or arm64");
    Cli.run("run", demo.toString(), "--host", "colour=red").assertUsageError(
        "--host: unknown host setting 'colour': expected arch, vendor, apicv, posting, enable_device_posted_irqs");
  }

  @Test
  void outputGoesToAFileWholeOrIsRefused() throws IOException {
    Path demo = write("demo.irq", DEMO);
    Path out = dir.resolve("trace.txt");
    Cli.Run r = Cli.run("run", demo.toString(), "-o", out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("irqlab: wrote " + out + ": the trace of demo on 1 revision.", r.out().strip().replaceAll("\\s+", " "));
    assertEquals(Cli.run("run", demo.toString()).out(), Files.readString(out));
    Cli.run("run", demo.toString(), "-o", "/dev/null").assertUsageError("cannot write /dev/null: it is a character device, not a regular file");
  }

  @Test
  void aNameUsedAfterCloseOrAQueueTheDeviceLacksIsTheKernelsErrorNotACrash() throws IOException {
    Path f = write("stale.irq", "vm vm0\neventfd efd0\nclose vm0\nirqfd vm0 efd0 24\nvdpa vd0 vqs=4\nfire vd0.vq9\n");
    Cli.Run r = Cli.run("run", f.toString());
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("    KVM_IRQFD = -EBADF", lines.get(lines.indexOf("irqfd vm0 efd0 24") + 1), r.out());
    assertEquals("    no such queue vd0.vq9 (the device has 4) = -EINVAL", lines.get(lines.indexOf("fire vd0.vq9") + 1), r.out());
    assertEquals("result: completed", lines.get(lines.size() - 1));
  }

  /**
   * xarray-v2-2023 keeps an irqfd connected after its connect failed, and the proposal's drivers
   * clear the irqfd's producer then: the del_producer that follows dereferences the NULL
   * producer in kvm_pi_update_irte, an oops as in the kernel, not an exception of the model.
   */
  @Test
  void aNullProducerInKvmPiUpdateIrteIsAnOops() throws IOException {
    Path f = write("null-producer.irq", String.join("\n", "vm vm0", "vfio vfio0", "eventfd efd0",
        "route vm0 24 vcpu=1 vector=0x41", "set-irqs vfio0 msix 0 efd0", "fail irq_set_vcpu_affinity",
        "irqfd vm0 efd0 24", "fail off", "disable-irqs vfio0 msix", ""));
    Cli.Run r = Cli.run("run", f.toString(), "--revision", "xarray-v2-2023", "--era", "proposal-report-errors");
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("oops in step 9: [BUG] BUG: kernel NULL pointer dereference, address: NULL"), r.out());
    assertEquals("result: oops", lines.get(lines.size() - 1));
  }
}
