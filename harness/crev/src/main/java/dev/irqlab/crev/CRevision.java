package dev.irqlab.crev;

import dev.irqlab.kernel.Kernel;
import dev.irqlab.spi.IrqBypass;
import dev.irqlab.spi.Revision;
import dev.irqlab.spi.RevisionInfo;
import dev.irqlab.spi.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A kernel tree's {@code irqbypass.c} as a revision ({@code c:PATH[@REF]}): compiled once (see
 * {@link CBuild}), its host program started on the first load, each load a fresh process with
 * the file's static data as compiled.
 *
 * <p>The revision runs with the drivers of its API's era by default: {@code v6.17} for the API of
 * 6.17, {@code v6.16} for the others (the token API's last callers, and those Sean
 * Christopherson's v1 series was written against). It declares no deviation: every clause it
 * fails is graded FAIL.
 */
public final class CRevision implements Revision {
  private final CSource source;
  private final CHeader header;
  private final Path program;
  private final RevisionInfo info;
  private CHost host;

  private CRevision(CSource source, CHeader header, Path program) {
    this.source = source;
    this.header = header;
    this.program = program;
    this.info = RevisionInfo.builder(source.id())
        .title("irqbypass.c " + source.sourceBlob() + ", irqbypass.h " + source.headerBlob() + " from " + source.where())
        .author(source.author() == null ? "(not in git)" : source.author())
        .date(source.date().toString())
        .status(Status.PROPOSAL)
        .defaultEra(header.api() == CHeader.Api.EVENTFD_IRQ ? "v6.17" : "v6.16")
        .summary("The C of " + source.where() + ", compiled with gcc and AddressSanitizer against irqlab's kernel shim; "
            + header.api().description() + ".")
        .build();
  }

  /** Reads, checks and compiles the revision {@code id} names. */
  public static CRevision of(String id) {
    CSource source = CSource.resolve(id);
    CHeader header = CHeader.parse(new String(source.header(), StandardCharsets.UTF_8), source.where() + ": irqbypass.h");
    return new CRevision(source, header, CBuild.program(source, header));
  }

  @Override
  public RevisionInfo info() {
    return info;
  }

  /** The files, as read. */
  public CSource source() {
    return source;
  }

  /** What the header declares. */
  public CHeader header() {
    return header;
  }

  @Override
  public IrqBypass load(Kernel kernel) {
    try {
      return new CManager(kernel, header, source.sourcePath(), host().connect());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + source.id() + ": " + e.getMessage(), e);
    }
  }

  private synchronized CHost host() {
    if (host == null) {
      host = CHost.start(program, source.id());
    }
    return host;
  }
}
