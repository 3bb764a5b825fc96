package dev.irqlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irqlab.conformance.io.TextFileException;
import dev.irqlab.devices.HostSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioParserTest {

  private static Scenario parse(String text) {
    return ScenarioParser.parse("demo.irq", "demo", text);
  }

  @Test
  void readsOperationsLabelsCommentsTitleAndId() {
    Scenario s = parse(String.join("\n",
        "# a comment line",
        "scenario connect-fails",
        "title the consumer refuses",
        "",
        "eventfd efd0",
        "consumer c0 add=-EBUSY callbacks=required   # trailing comment",
        "producer p0",
        "register c0 efd0",
        "connect: register p0 efd0",
        "unregister p0"));
    assertEquals("connect-fails", s.id());
    assertEquals("the consumer refuses", s.title());
    assertEquals(6, s.steps().size());
    assertEquals(new Op.NewConsumer("c0", -16, Op.Callbacks.REQUIRED), s.steps().get(1).op());
    assertEquals(9, s.step("connect").line());
    assertEquals(new Op.Register("p0", "efd0"), s.step("connect").op());
  }

  @Test
  void everyBuiltInScenarioReadsBackFromItsText() {
    for (Scenario s : Scenarios.all()) {
      Scenario back = ScenarioParser.parse(s.id() + ".irq", s.id(), s.text());
      assertEquals(s.steps().stream().map(Step::text).toList(), back.steps().stream().map(Step::text).toList(), s.id());
      assertEquals(s.title(), back.title());
    }
  }

  @Test
  void readsSystemOperations() {
    Scenario s = parse(String.join("\n",
        "vm vm0 vcpus=4", "vfio vfio0 msix=8", "vdpa vdpa0", "eventfd efd0",
        "route vm0 24 vcpu=1 vector=0x41", "irqfd vm0 efd0 24", "set-irqs vfio0 msix 0 efd0 - efd0",
        "fire vfio0.msix0", "vring-call vdpa0 1 efd0", "status vdpa0 driver-ok", "fire vdpa0.vq1",
        "deassign vm0 efd0 24", "disable-irqs vfio0 msix", "close vm0", "signal efd0", "fail kmalloc", "fail off", "rmmod"));
    assertEquals(new Op.Route("vm0", 24, 1, 0x41), s.steps().get(4).op());
    assertEquals(new Op.Fire("vdpa0", "vq", 1), s.steps().get(10).op());
    assertEquals("set-irqs vfio0 msix 0 efd0 - efd0", s.steps().get(6).op().text());
  }

  @Test
  void readsEveryFormOfRouteAndTheKvmVfioBinding() {
    Scenario s = parse(String.join("\n",
        "vm vm0", "vfio vfio0", "kvm-vfio vm0 vfio0", "route vm0 24 vcpus=1,0 vector=0x41",
        "route vm0 25 vcpus=0,1 vector=0x42 delivery=lowest-priority", "route vm0 26 vcpus=2 vector=0x43 delivery=fixed",
        "route vm0 10 irqchip=ioapic pin=10", "route vm0 3 irqchip=pic-master pin=3", "kvm-vfio-del vm0 vfio0"));
    assertEquals(new Op.KvmVfio("vm0", "vfio0", true), s.steps().get(2).op());
    assertEquals(new Op.RouteLogical("vm0", 24, 0b11, 0x41, false), s.steps().get(3).op());
    assertEquals(new Op.RouteLogical("vm0", 25, 0b11, 0x42, true), s.steps().get(4).op());
    assertEquals(new Op.RouteIrqchip("vm0", 10, 2, 10), s.steps().get(6).op());
    assertEquals(new Op.KvmVfio("vm0", "vfio0", false), s.steps().get(8).op());
    assertEquals(List.of("vm vm0", "vfio vfio0", "kvm-vfio vm0 vfio0", "route vm0 24 vcpus=0,1 vector=0x41",
        "route vm0 25 vcpus=0,1 vector=0x42 delivery=lowest-priority", "route vm0 26 vcpus=2 vector=0x43",
        "route vm0 10 irqchip=ioapic pin=10", "route vm0 3 irqchip=pic-master pin=3", "kvm-vfio-del vm0 vfio0"),
        s.steps().stream().map(st -> st.op().text()).toList());
    Scenario back = parse(s.text());
    assertEquals(s.steps().stream().map(Step::op).toList(), back.steps().stream().map(Step::op).toList());
  }

  @Test
  void readsTheNoIrqBypassFlagAndThePostingFault() {
    Scenario s = parse(String.join("\n",
        "vm vm0", "eventfd efd0", "irqfd vm0 efd0 24 flags=no-irqbypass", "fail irq_set_vcpu_affinity", "irqfd vm0 efd0 25", "fail off"));
    assertEquals(new Op.Irqfd("vm0", "efd0", 24, true, true), s.steps().get(2).op());
    assertEquals("irqfd vm0 efd0 24 flags=no-irqbypass", s.steps().get(2).op().text());
    assertEquals(new Op.Fail("irq_set_vcpu_affinity"), s.steps().get(3).op());
    assertEquals(new Op.Irqfd("vm0", "efd0", 25, true, false), s.steps().get(4).op());
    assertEquals("irqfd vm0 efd0 25", s.steps().get(4).op().text());
  }

  @Test
  void readsIntxEventfdAndEoiOperations() {
    Scenario s = parse(String.join("\n",
        "vm vm0", "vfio vfio0", "eventfd trig", "eventfd res", "irqfd vm0 trig 5 resample=res", "set-irqs vfio0 intx trig",
        "set-irqs vfio0 intx-unmask res", "fire vfio0.intx", "eoi vm0 5", "trigger vfio0 msix 3", "trigger vfio0 intx bool=1",
        "read res", "poll trig", "disable-irqs vfio0 intx"));
    assertEquals(new Op.ResampleIrqfd("vm0", "trig", 5, "res"), s.steps().get(4).op());
    assertEquals(new Op.SetIrqs("vfio0", "intx-unmask", 0, java.util.List.of("res")), s.steps().get(6).op());
    assertEquals(new Op.Fire("vfio0", "intx", 0), s.steps().get(7).op());
    assertEquals(new Op.Trigger("vfio0", "msix", 3, null), s.steps().get(9).op());
    assertEquals(new Op.Trigger("vfio0", "intx", 0, true), s.steps().get(10).op());
    for (int i = 4; i < s.steps().size(); i++) {
      Step st = s.steps().get(i);
      assertEquals(st.op(), parse("vm vm0\nvfio vfio0\neventfd trig\neventfd res\n" + st.op().text()).steps().get(4).op(), st.op().text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      launch p0                         | 1:1: unknown operation 'launch': expected one of
      register p0 efd0                  | 1:10: unknown name 'p0': expected a producer or consumer declared above
      producer p0\\nregister p0 efd9    | 2:13: unknown name 'efd9': expected an eventfd declared above
      eventfd e\\nregister e e          | 2:10: 'e' is an eventfd: expected a producer or consumer
      producer p0 add=-EWHAT            | 1:17: '-EWHAT' is not an errno: expected 0 or a name such as -EBUSY
      producer p0 colour=red            | 1:13: unknown option 'colour': expected 'producer NAME [add=ERRNO] [callbacks=all|none]'
      producer p0\\nproducer p0         | 2:10: 'p0' is already a producer: expected a new name
      vm vm0 vcpus=lots                 | 1:14: 'lots' is not a number: expected a number from 1 to 64
      register p0                       | 1:13: missing argument: expected 'register NAME EVENTFD|NULL'
      Connect: eventfd efd0             | 1:1: bad label 'Connect:': expected lower-case letters, digits and '-', then ':'
      fire vfio0                        | 1:6: bad interrupt source 'vfio0': expected DEVICE.msixN, DEVICE.msiN, DEVICE.intx or DEVICE.vqN
      # nothing but a comment           | 1:1: no operations: expected at least one line such as 'eventfd efd0'
      irqfd vm0 efd0 24 no-irqbypass    | 1:19: unexpected 'no-irqbypass': expected 'irqfd VM EVENTFD GSI [flags=no-irqbypass|resample=EVENTFD]'
      irqfd vm0 efd0 24 flags=resample  | 1:25: 'resample' is not a choice of flags: expected no-irqbypass
      irqfd vm0 efd0 24 colour=red      | 1:19: unknown option 'colour': expected 'irqfd VM EVENTFD GSI [flags=no-irqbypass|resample=EVENTFD]'
      irqfd vm0 e 5 flags=no-irqbypass resample=r | 1:43: option 'resample' with 'flags': expected one of them
      vm v\\neventfd e\\nirqfd v e 5 resample=r | 3:13: unknown name 'r': expected an eventfd declared above
      vfio v0\\nset-irqs v0 intx        | 2:18: missing argument: expected 'set-irqs DEVICE msi|msix START EVENTFD|-... or set-irqs DEVICE intx|intx-unmask EVENTFD|-'
      vfio v0\\nset-irqs v0 intx e 0    | 2:20: unexpected '0': expected 'set-irqs DEVICE msi|msix START EVENTFD|-... or set-irqs DEVICE intx|intx-unmask EVENTFD|-'
      vfio v0\\nset-irqs v0 msi-x 0 e   | 2:13: unknown interrupt index 'msi-x': expected msi, msix, intx or intx-unmask
      vfio v0\\ndisable-irqs v0 intx-unmask | 2:17: unknown interrupt index 'intx-unmask': expected msi, msix or intx
      vfio v0\\ntrigger v0 msix         | 2:17: missing argument: expected 'trigger DEVICE msi|msix N [bool=0|1] or trigger DEVICE intx [bool=0|1]'
      vfio v0\\ntrigger v0 intx 0       | 2:17: unexpected '0': expected 'trigger DEVICE msi|msix N [bool=0|1] or trigger DEVICE intx [bool=0|1]'
      vfio v0\\ntrigger v0 msix 1 bool=2 | 2:24: '2' is not a choice of bool: expected 0, 1
      vfio v0\\nfire v0.intx0           | 2:6: bad interrupt source 'v0.intx0': expected DEVICE.msixN, DEVICE.msiN, DEVICE.intx or DEVICE.vqN
      vm v\\neoi v                      | 2:7: missing argument: expected 'eoi VM GSI'
      vm v\\neoi v 4096                 | 2:7: '4096' is out of range: expected a number from 0 to 4095
      eventfd e\\neoi e 5               | 2:5: 'e' is an eventfd: expected a VM
      read                              | 1:6: missing argument: expected 'read EVENTFD'
      vm v\\npoll v                     | 2:6: 'v' is a VM: expected an eventfd
      deassign vm0 efd0 24 flags=no-irqbypass | 1:22: unexpected 'flags=no-irqbypass': expected 'deassign VM EVENTFD GSI'
      fail iommu                        | 1:6: unknown fault 'iommu': expected kmalloc, try_module_get, irq_set_vcpu_affinity, request_irq, kmalloc:TYPE or off
      vfio v0\\nfire v0.msix2147483648  | 2:13: '2147483648' is out of range: expected a vector from 0 to 2047
      vdpa d0\\nfire d0.vq64            | 2:11: '64' is out of range: expected a queue from 0 to 63
      vm vm0 vcpus=-1                   | 1:14: '-1' is out of range: expected a number from 1 to 64
      vm vm0 vcpus=99999999999999999999 | 1:14: '99999999999999999999' is out of range: expected a number from 1 to 64
      vm vm0 vcpus=0x100000000          | 1:14: '0x100000000' is out of range: expected a number from 1 to 64
      vm vm0 vcpus=\u0663              | 1:14: '\u0663' is not a number: expected a number from 1 to 64
      vm vm0 vcpus=+2                   | 1:14: '+2' is not a number: expected a number from 1 to 64
      vm vm0\\nunroute vm0 -24          | 2:13: '-24' is out of range: expected a number from 0 to 4095
      vm vm0 vcpus=1 vcpus=2            | 1:16: option 'vcpus' given twice: expected it once
      producer p0 add=EBUSY             | 1:17: 'EBUSY' is not an errno: expected 0 or a name such as -EBUSY
      producer p0 add=-99999            | 1:17: '-99999' is not an errno: expected 0 or a name such as -EBUSY
      eventfd\u200befd0                | 1:1: unknown operation 'eventfd\\u200befd0': expected one of
      eventfd e\u202e0                 | 1:9: 'e\\u202e0' cannot be a name: expected a letter
      scenario Bad_Id                   | 1:10: bad scenario id 'Bad_Id': expected lower-case letters, digits, '.' and '-'
      vm vm0\\nroute vm0 24                | 2:14: missing vcpu=, vcpus= or irqchip=: expected 'route VM GSI vcpu=N vector=N
      vm vm0\\nroute vm0 24 vcpu=1 irqchip=ioapic | 2:21: more than one destination: expected one of vcpu=, vcpus= and irqchip=
      vm vm0\\nroute vm0 24 irqchip=lapic pin=1 | 2:22: 'lapic' is not an irqchip: expected ioapic, pic-master or pic-slave
      vm vm0\\nroute vm0 24 irqchip=ioapic | 2:29: missing pin=: expected 'route VM GSI
      vm vm0\\nroute vm0 24 irqchip=ioapic pin=24 | 2:33: '24' is out of range: expected a number from 0 to 23
      vm vm0\\nroute vm0 24 irqchip=ioapic pin=2 vector=0x41 | 2:35: unknown option 'vector': expected 'route VM GSI
      vm vm0\\nroute vm0 24 vcpus=0,1     | 2:24: missing vector=: expected 'route VM GSI
      vm vm0\\nroute vm0 24 vcpus=0,8 vector=0x41 | 2:22: '8' is out of range: expected a vCPU of a logical destination from 0 to 7
      vm vm0\\nroute vm0 24 vcpus=0,,1 vector=0x41 | 2:22: '' is not a number: expected a vCPU of a logical destination from 0 to 7
      vm vm0\\nroute vm0 24 vcpus=1,1 vector=0x41 | 2:22: vCPU 1 named twice: expected each vCPU once
      vm vm0\\nroute vm0 24 vcpus=0,1 vector=0x41 delivery=lowest | 2:45: 'lowest' is not a choice of delivery: expected fixed, lowest-priority
      vm vm0\\nroute vm0 24 vcpu=1 vector=0x41 delivery=lowest-priority | 2:33: unknown option 'delivery': expected 'route VM GSI
      vm vm0\\nkvm-vfio vm0             | 2:14: missing argument: expected 'kvm-vfio VM DEVICE'
      vm vm0\\neventfd e0\\nkvm-vfio vm0 e0 | 3:14: 'e0' is an eventfd: expected a VFIO device
      vm vm0\\nvfio v0\\nkvm-vfio-del vm0 v0 now | 3:21: unexpected 'now': expected 'kvm-vfio-del VM DEVICE'
      host                              | 1:6: missing setting: expected 'host KEY=VALUE... (arch, vendor, apicv, posting, enable_device_posted_irqs)'
      host arm64                        | 1:6: unexpected 'arm64': expected 'host KEY=VALUE...
      host colour=red                   | 1:6: unknown host setting 'colour': expected one of arch, vendor, apicv, posting, enable_device_posted_irqs
      host arch=sparc                   | 1:11: 'sparc' is not a value of arch: expected x86 or arm64
      host vendor=via                   | 1:13: 'via' is not a value of vendor: expected intel or amd
      host arch=arm64\u0008vm           | 1:11: 'arm64\\u0008vm' is not a value of arch: expected x86 or arm64
      host apicv=yes                    | 1:12: 'yes' is not a value of apicv: expected 0 or 1
      host posting=0 posting=1          | 1:16: host setting 'posting' given twice: expected it once
      host apicv=0 enable_apicv=0       | 1:14: host setting 'enable_apicv' given twice: expected it once
      eventfd e\\nhost arch=arm64       | 2:1: 'host' after the first operation: expected it at the top
      """)
  void namesTheFileLineColumnAndWhatWasExpected(String text, String message) {
    String unescaped = unescape(text);
    ScenarioException e = assertThrows(ScenarioException.class, () -> parse(unescaped));
    assertTrue(e.getMessage().startsWith("demo.irq:" + message), e.getMessage());
  }

  /** {@code \\n} is a line end, {@code \\uXXXX} a character, as in Java. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\n", i)) {
        out.append('\n');
        i++;
      } else if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  /** The host lines set the scenario's host; its text writes the settings that are not the defaults. */
  @Test
  void readsHostLines() {
    Scenario s = parse("host arch=arm64 posting=0\nhost enable_device_posted_irqs=0 enable_apicv=1\neventfd efd0\n");
    assertEquals(HostSettings.defaults().withArch(HostSettings.Arch.ARM64).withIommuPosting(false).withDevicePostedIrqs(false), s.host());
    assertTrue(s.text().contains("\nhost arch=arm64 posting=0 enable_device_posted_irqs=0\n"), s.text());
    assertEquals(s.host(), parse(s.text()).host());
    assertEquals(HostSettings.defaults(), parse("eventfd efd0").host());
    assertEquals(HostSettings.defaults().withVendor(HostSettings.Vendor.AMD).withApicv(false),
        HostSpec.parse("vendor=amd,apicv=0", HostSettings.defaults()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostSpec.parse("arch", HostSettings.defaults()));
    assertEquals("'arch' is not a host setting: expected KEY=VALUE with KEY one of arch, vendor, apicv, posting, enable_device_posted_irqs",
        e.getMessage());
  }

  @Test
  void aLongWordIsQuotedInPartAndANameHasAtMostSixtyFourCharacters() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> parse("x".repeat(100_000)));
    assertEquals("demo.irq:1:1: unknown operation '" + "x".repeat(40) + "...': expected one of",
        e.getMessage().substring(0, e.getMessage().indexOf(" close,")));
    assertEquals("a".repeat(64), parse("eventfd " + "a".repeat(64)).steps().get(0).op().refs().get(0).name());
    ScenarioException name = assertThrows(ScenarioException.class, () -> parse("eventfd " + "a".repeat(65)));
    assertTrue(name.getMessage().startsWith("demo.irq:1:9: '" + "a".repeat(40) + "...' cannot be a name"), name.getMessage());
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedAndABadByteIsReportedWhereItIs(@TempDir Path dir) throws Exception {
    Path bom = dir.resolve("bom.irq");
    Files.write(bom, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'e', 'v', 'e', 'n', 't', 'f', 'd', ' ', 'e', '0', '\n'});
    assertEquals(new Op.Eventfd("e0"), ScenarioParser.parse(bom).steps().get(0).op());
    Path bad = dir.resolve("bad.irq");
    Files.write(bad, "eventfd e0\n# caf\u00e9\nsignal e\u00e90\n".getBytes(StandardCharsets.ISO_8859_1));
    TextFileException e = assertThrows(TextFileException.class, () -> ScenarioParser.parse(bad));
    assertEquals(bad + ":2:6: invalid UTF-8 (byte 0xe9): expected a UTF-8 text file", e.getMessage());
    Files.write(bad, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'x', (byte) 0xc0, (byte) 0xaf});
    assertEquals(bad + ":1:2: invalid UTF-8 (byte 0xc0): expected a UTF-8 text file",
        assertThrows(TextFileException.class, () -> ScenarioParser.parse(bad)).getMessage());
  }

  @Test
  void whatIsNotARegularFileIsRefusedSayingWhatItIs(@TempDir Path dir) {
    assertEquals(dir + ": is a directory: expected a scenario file",
        assertThrows(TextFileException.class, () -> ScenarioParser.parse(dir)).getMessage());
    assertEquals("/dev/null: is a character device: expected a scenario file",
        assertThrows(TextFileException.class, () -> ScenarioParser.parse(Path.of("/dev/null"))).getMessage());
    assertEquals(dir.resolve("none.irq") + ": no such file",
        assertThrows(TextFileException.class, () -> ScenarioParser.parse(dir.resolve("none.irq"))).getMessage());
  }

  @Test
  void aFileLargerThanAnyScenarioIsRefusedUnread(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.irq");
    Files.write(big, new byte[(int) ScenarioParser.MAX_BYTES + 1]);
    TextFileException e = assertThrows(TextFileException.class, () -> ScenarioParser.parse(big));
    assertEquals(big + ": too large (more than 1048576 bytes): expected a scenario file of at most 1048576 bytes", e.getMessage());
  }

  @Test
  void theDefaultIdIsTheFileNameMadeAnId() {
    assertEquals("my-test", ScenarioParser.defaultId(Path.of("dir/My Test.irq")));
    assertEquals("caf-", ScenarioParser.defaultId(Path.of("Caf\u00e9.irq")));
    assertEquals("irq", ScenarioParser.defaultId(Path.of(".irq")));
    assertEquals("scenario", ScenarioParser.defaultId(Path.of("_.irq")));
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("Bad-One.irq");
    Files.writeString(f, "eventfd efd0\nregister nobody efd0\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(f));
    assertEquals(f.toString(), e.file());
    assertEquals(2, e.line());
    assertEquals(10, e.column());
    Files.writeString(f, "eventfd efd0\n");
    assertEquals("bad-one", ScenarioParser.parse(f).id());
  }

  @Test
  void readsFaultSchedulesAndWritesThemBack() {
    Scenario s = parse(String.join("\n",
        "fail irq_set_vcpu_affinity nth=2", "fail request_irq times=3", "fail kmalloc:kvm_kernel_irqfd nth=1 in=kvm_irqfd_assign",
        "fail try_module_get", "fail off"));
    assertEquals(new Op.Fail("irq_set_vcpu_affinity", 2, 1, null), s.steps().get(0).op());
    assertEquals(new Op.Fail("request_irq", 1, 3, null), s.steps().get(1).op());
    assertEquals("fail request_irq nth=1 times=3", s.steps().get(1).op().text());
    assertEquals(new Op.Fail("kmalloc:kvm_kernel_irqfd", 1, 1, "kvm_irqfd_assign"), s.steps().get(2).op());
    assertEquals(new Op.Fail("try_module_get"), s.steps().get(3).op());
    for (Step step : s.steps()) {
      assertEquals(step.op(), parse(step.op().text()).steps().get(0).op(), step.op().text());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
    "fail irte => demo.irq:1:6: unknown fault 'irte': expected kmalloc, try_module_get, irq_set_vcpu_affinity, request_irq, kmalloc:TYPE or off",
    "fail request_irq nth=0 => demo.irq:1:22: '0' is out of range: expected a number from 1 to 2147483647",
    "fail request_irq in=vfio_set => demo.irq:1:21: 'vfio_set' is not a choice of in: expected kvm_irqfd_assign, kvm_arch_irq_bypass_add_producer, kvm_arch_irq_bypass_del_producer, kvm_irq_routing_update, vfio_msi_set_vector_signal, vhost_vdpa_setup_vq_irq",
    "fail off nth=1 => demo.irq:1:10: unknown option 'nth': expected 'fail off|POINT [nth=N] [times=K] [in=FUNCTION]'",
    "fail request_irq when=2 => demo.irq:1:18: unknown option 'when': expected 'fail off|POINT [nth=N] [times=K] [in=FUNCTION]'",
  })
  void aBadFaultScheduleIsOneClearLine(String line, String message) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> parse(line));
    assertEquals(message, e.getMessage());
  }
}
