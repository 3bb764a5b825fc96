package dev.irqlab.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium, driven through chromedriver's W3C WebDriver HTTP API: a page at a given
 * viewport (a phone's, with its {@code <meta name="viewport">} honoured, or a desktop's), a
 * script run in it after layout, a screenshot. Debian's {@code chromium} and {@code chromedriver}
 * packages provide both programs; {@link #missing()} says when one is not on the PATH.
 */
final class Chromium implements AutoCloseable {
  private static final List<String> PROGRAMS = List.of("chromium", "chromedriver");
  private static final Pattern STARTED = Pattern.compile("started successfully on port (\\d+)");
  private static final Duration START = Duration.ofSeconds(30);
  /** The key of an element reference in WebDriver's answers. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Process driver;
  private final Path chromium;
  private final URI base;

  private Chromium(Process driver, Path chromium, int port) {
    this.driver = driver;
    this.chromium = chromium;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Why Chromium cannot be driven here (a program not on the PATH), or empty when it can. */
  static Optional<String> missing() {
    List<String> absent = PROGRAMS.stream().filter(p -> onPath(p).isEmpty()).toList();
    return absent.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", absent)
        + " not on the PATH (Debian: apt-get install chromium chromium-driver)");
  }

  private static Optional<Path> onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
  }

  /** Starts chromedriver on a free port, its output going to {@code log}. */
  static Chromium start(Path log) throws IOException, InterruptedException {
    Path chromium = onPath("chromium").orElseThrow();
    Process p = new ProcessBuilder(onPath("chromedriver").orElseThrow().toString(), "--port=0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      Matcher m = STARTED.matcher(Files.readString(log));
      if (m.find()) {
        return new Chromium(p, chromium, Integer.parseInt(m.group(1)));
      }
      Thread.sleep(50);
    }
    stop(p);
    throw new IOException("chromedriver did not start within " + START.toSeconds() + " s: see " + log);
  }

  /**
   * A browser whose viewport is {@code width} by {@code height} CSS pixels; a phone's ({@code
   * mobile}: the page's viewport meta tag decides the layout width, as on a phone) or a desktop's.
   */
  Page open(int width, int height, boolean mobile) {
    ObjectNode options = json.createObjectNode();
    options.put("binary", chromium.toString());
    options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu").add("--disable-dev-shm-usage")
        .add("--hide-scrollbars").add("--force-color-profile=srgb");
    options.putObject("mobileEmulation").putObject("deviceMetrics")
        .put("width", width).put("height", height).put("pixelRatio", 1).put("mobile", mobile).put("touch", mobile);
    ObjectNode caps = json.createObjectNode();
    caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome").set("goog:chromeOptions", options);
    return new Page(call("POST", "/session", caps).get("sessionId").asText());
  }

  /** One browser session. */
  final class Page implements AutoCloseable {
    private final String session;

    private Page(String session) {
      this.session = "/session/" + session;
    }

    /** Loads {@code page}, and returns once it has loaded. */
    void go(URI page) {
      call("POST", session + "/url", Map.of("url", page.toString()));
    }

    /** The value of {@code script}, a function body, run in the page with {@code args} as {@code arguments}. */
    JsonNode execute(String script, Object... args) {
      return call("POST", session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Presses Enter on the element {@code css} selects, as a keyboard user does. */
    void pressEnter(String css) {
      String element = call("POST", session + "/element", Map.of("using", "css selector", "value", css)).path(ELEMENT).asText();
      call("POST", session + "/element/" + element + "/value", Map.of("text", "\uE007"));
    }

    /** What the viewport shows, as PNG. */
    byte[] screenshot() {
      return Base64.getDecoder().decode(call("GET", session + "/screenshot", null).asText());
    }

    @Override
    public void close() {
      call("DELETE", session, null);
    }
  }

  /** The {@code value} of a WebDriver command's answer; an exception naming the error when it failed. */
  private JsonNode call(String method, String path, Object body) {
    try {
      HttpRequest.BodyPublisher publish = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1))
          .header("Content-Type", "application/json; charset=utf-8").method(method, publish).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode value = json.readTree(response.body()).path("value");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + ": " + value.path("error").asText() + ": " + value.path("message").asText());
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + ": interrupted", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(driver);
  }

  /** Stops chromedriver and whatever it started and left running. */
  private static void stop(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }
}
