package dev.irqlab.crev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a revision's {@code include/linux/irqbypass.h} declares: which API the entry points take
 * and which members the two structs have. The C caller side of that era follows from it, and the
 * glue is compiled for exactly those members.
 *
 * @param api the calling convention of the register functions
 * @param producerMembers the members of {@code struct irq_bypass_producer} the glue knows of
 * @param consumerMembers those of {@code struct irq_bypass_consumer}
 */
public record CHeader(Api api, Set<String> producerMembers, Set<String> consumerMembers) {
  /** The register functions' arguments, by era. */
  public enum Api {
    /** 2015-2025: {@code register_producer(producer)}; the caller sets {@code token}. */
    TOKEN(1, "the token API of 2015-2025 (the caller sets token)"),
    /** Sean Christopherson's v1 (2025): {@code register_producer(producer, eventfd)}. */
    EVENTFD(2, "the eventfd API of the 2025 v1 series (the manager takes the eventfd)"),
    /** Linux 6.17: {@code register_producer(producer, eventfd, irq)}. */
    EVENTFD_IRQ(3, "the API of Linux 6.17 (the manager takes the eventfd and the IRQ)");

    private final int number;
    private final String description;

    Api(int number, String description) {
      this.number = number;
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern REGISTER = Pattern.compile("\\birq_bypass_register_producer\\s*\\(([^)]*)\\)");

  /** Reads {@code text}, the header; {@code file} names it in errors. */
  public static CHeader parse(String text, String file) {
    String code = COMMENTS.matcher(text).replaceAll(" ");
    Matcher reg = REGISTER.matcher(code);
    if (!reg.find()) {
      throw new CRevisionException(file + " declares no irq_bypass_register_producer(): is it include/linux/irqbypass.h?");
    }
    int args = reg.group(1).isBlank() ? 0 : reg.group(1).split(",").length;
    Api api = switch (args) {
      case 1 -> Api.TOKEN;
      case 2 -> Api.EVENTFD;
      case 3 -> Api.EVENTFD_IRQ;
      default -> throw new CRevisionException(file + ": irq_bypass_register_producer() takes " + args
          + " arguments; irqlab knows the APIs with 1 (token), 2 (eventfd) and 3 (eventfd, irq)");
    };
    String producer = body(code, "irq_bypass_producer", file);
    String consumer = body(code, "irq_bypass_consumer", file);
    Set<String> p = members(producer, "consumer");
    Set<String> c = members(consumer, "producer");
    if (!c.contains("ADD") || !c.contains("DEL")) {
      throw new CRevisionException(file + ": struct irq_bypass_consumer has no int (*add_producer)(...) and void (*del_producer)(...)"
          + " (the 2015 prototype's void add_producer is not supported)");
    }
    if (api == Api.TOKEN && (!p.contains("TOKEN") || !c.contains("TOKEN"))) {
      throw new CRevisionException(file + ": the token API needs a void *token member in both structs");
    }
    return new CHeader(api, p, c);
  }

  /** The text between the braces of {@code struct NAME { ... }}. */
  private static String body(String code, String name, String file) {
    Matcher m = Pattern.compile("\\bstruct\\s+" + name + "\\s*\\{").matcher(code);
    if (!m.find()) {
      throw new CRevisionException(file + " does not define struct " + name);
    }
    int depth = 1;
    int i = m.end();
    for (; i < code.length() && depth > 0; i++) {
      char ch = code.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        depth--;
      }
    }
    return code.substring(m.end(), Math.max(m.end(), i - 1));
  }

  /** The members the glue uses, by their flag name, and how a struct's body declares each. */
  private static final Map<String, String> MEMBERS = members();

  private static Map<String, String> members() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("TOKEN", "\\*\\s*token\\s*;");
    m.put("IRQ", "\\bint\\s+irq\\s*;");
    m.put("EVENTFD", "\\*\\s*eventfd\\s*;");
    m.put("CONSUMER", "\\*\\s*consumer\\s*;");
    m.put("PRODUCER", "\\*\\s*producer\\s*;");
    m.put("ADD", "\\bint\\s*\\(\\s*\\*\\s*add_(?:consumer|producer)\\s*\\)");
    m.put("DEL", "\\(\\s*\\*\\s*del_(?:consumer|producer)\\s*\\)");
    m.put("STOP", "\\(\\s*\\*\\s*stop\\s*\\)");
    m.put("START", "\\(\\s*\\*\\s*start\\s*\\)");
    return m;
  }

  /**
   * The members of one struct the glue uses ({@code TOKEN}, {@code ADD}, ...); of the binding
   * members only the one pointing to the {@code partner} ({@code consumer} in a producer).
   */
  private static Set<String> members(String body, String partner) {
    Set<String> out = new LinkedHashSet<>();
    String other = partner.equals("consumer") ? "PRODUCER" : "CONSUMER";
    MEMBERS.forEach((flag, regex) -> {
      if (!flag.equals(other) && Pattern.compile(regex).matcher(body).find()) {
        out.add(flag);
      }
    });
    return out;
  }

  /** True when the producer has the member ({@code TOKEN}, {@code IRQ}, {@code CONSUMER}, ...). */
  public boolean producerHas(String member) {
    return producerMembers.contains(member);
  }

  public boolean consumerHas(String member) {
    return consumerMembers.contains(member);
  }

  /** The {@code -D} options the glue is compiled with. */
  public List<String> defines() {
    List<String> out = new ArrayList<>();
    out.add("-DIRQLAB_API=" + api.number);
    producerMembers.forEach(m -> out.add("-DIRQLAB_P_" + m));
    consumerMembers.forEach(m -> out.add("-DIRQLAB_C_" + m));
    return out;
  }
}
