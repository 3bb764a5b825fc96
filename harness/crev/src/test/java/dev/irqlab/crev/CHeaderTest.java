package dev.irqlab.crev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CHeaderTest {
  private static final String STRUCTS = """
      struct irq_bypass_producer {
        %s
        int (*add_consumer)(struct irq_bypass_producer *, struct irq_bypass_consumer *);
        void (*del_consumer)(struct irq_bypass_producer *, struct irq_bypass_consumer *);
        void (*stop)(struct irq_bypass_producer *);
      };
      struct irq_bypass_consumer {
        %s
        int (*add_producer)(struct irq_bypass_consumer *, struct irq_bypass_producer *);
        void (*del_producer)(struct irq_bypass_consumer *, struct irq_bypass_producer *);
      };
      """;

  @Test
  void theApiIsReadFromTheRegisterFunctionsArguments() {
    String token = STRUCTS.formatted("struct list_head node; void *token; int irq;", "struct list_head node; void *token;")
        + "int irq_bypass_register_producer(struct irq_bypass_producer *);\n";
    CHeader h = CHeader.parse(token, "irqbypass.h");
    assertEquals(CHeader.Api.TOKEN, h.api());
    assertEquals(Set.of("TOKEN", "IRQ", "ADD", "DEL", "STOP"), h.producerMembers());
    assertEquals(Set.of("TOKEN", "ADD", "DEL"), h.consumerMembers());
    assertEquals(List.of("-DIRQLAB_API=1", "-DIRQLAB_P_TOKEN", "-DIRQLAB_P_IRQ", "-DIRQLAB_P_ADD", "-DIRQLAB_P_DEL", "-DIRQLAB_P_STOP",
        "-DIRQLAB_C_TOKEN", "-DIRQLAB_C_ADD", "-DIRQLAB_C_DEL"), h.defines());

    String sixSeventeen = STRUCTS.formatted("struct eventfd_ctx *eventfd; struct irq_bypass_consumer *consumer; int irq;",
        "struct eventfd_ctx *eventfd; struct irq_bypass_producer *producer;")
        + "/* int irq_bypass_register_producer(struct irq_bypass_producer *p); in a comment does not count */\n"
        + "int irq_bypass_register_producer(struct irq_bypass_producer *producer,\n struct eventfd_ctx *eventfd, int irq);\n";
    CHeader six = CHeader.parse(sixSeventeen, "irqbypass.h");
    assertEquals(CHeader.Api.EVENTFD_IRQ, six.api());
    assertTrue(six.producerHas("CONSUMER") && !six.producerHas("PRODUCER"), six.producerMembers().toString());
    assertTrue(six.consumerHas("PRODUCER") && !six.consumerHas("CONSUMER"), six.consumerMembers().toString());

    String v1 = STRUCTS.formatted("struct eventfd_ctx *eventfd; int irq;", "struct eventfd_ctx *eventfd;")
        + "int irq_bypass_register_producer(struct irq_bypass_producer *producer, struct eventfd_ctx *eventfd);\n";
    assertEquals(CHeader.Api.EVENTFD, CHeader.parse(v1, "irqbypass.h").api());
  }

  @Test
  void whatIrqlabCannotRunIsSaid() {
    String noToken = STRUCTS.formatted("int irq;", "") + "int irq_bypass_register_producer(struct irq_bypass_producer *);\n";
    assertEquals("irqbypass.h: the token API needs a void *token member in both structs",
        assertThrows(CRevisionException.class, () -> CHeader.parse(noToken, "irqbypass.h")).getMessage());
    String prototype = "struct irq_bypass_producer { void *token; };\n"
        + "struct irq_bypass_consumer { void *token; void (*add_producer)(struct irq_bypass_consumer *, struct irq_bypass_producer *);"
        + " void (*del_producer)(struct irq_bypass_consumer *, struct irq_bypass_producer *); };\n"
        + "int irq_bypass_register_producer(struct irq_bypass_producer *);\n";
    assertTrue(assertThrows(CRevisionException.class, () -> CHeader.parse(prototype, "bypass.h")).getMessage()
        .contains("the 2015 prototype's void add_producer is not supported"));
    assertEquals("irqbypass.h does not define struct irq_bypass_consumer",
        assertThrows(CRevisionException.class, () -> CHeader.parse("struct irq_bypass_producer { int irq; };\n"
            + "int irq_bypass_register_producer(struct irq_bypass_producer *);", "irqbypass.h")).getMessage());
  }
}
