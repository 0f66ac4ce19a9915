package io.venuerisk.serve;

import io.venuerisk.io.BatchSummary;
import io.venuerisk.io.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The page and its files, read from the jar once: nothing is fetched from elsewhere, so the page
 * works offline. The page's Content-Security-Policy allows only this server's scripts, plus the one
 * inline script of the batch report (by its hash), which the page shows in a frame.
 */
final class Assets {
  static final String BASE = "/io/venuerisk/serve/";

  /** The files of the page; only these are served. */
  static final String[] FILES = {
    "index.html", "app.css", "app.js", "api.js", "form.js", "result.js", "batch.js"
  };

  private record Asset(String type, byte[] bytes, String etag) {}

  private final Map<String, Asset> files = new LinkedHashMap<>();
  private final String policy;

  Assets() {
    for (String f : FILES) {
      byte[] b = resource(f);
      files.put(f, new Asset(type(f), b, "\"" + sha256(b).substring(0, 16) + "\""));
    }
    policy =
        "default-src 'none'; script-src 'self' "
            + reportScripts()
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  }

  static byte[] resource(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BASE + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void page(Call call) {
    serve(call, "index.html");
  }

  void file(Call call) {
    String path = org.eclipse.jetty.server.Request.getPathInContext(call.request);
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!files.containsKey(name) || name.equals("index.html")) {
      throw Problem.of(Problem.Type.NOT_FOUND, "no file " + path);
    }
    serve(call, name);
  }

  private void serve(Call call, String name) {
    Asset a = files.get(name);
    var h = call.response.getHeaders();
    h.put(HttpHeader.ETAG, a.etag());
    // revalidated on every load, so a new jar's page is never mixed with an old script
    h.put(HttpHeader.CACHE_CONTROL, "no-cache");
    if (name.endsWith(".html")) {
      h.put("Content-Security-Policy", policy);
      h.put("X-Frame-Options", "DENY");
    }
    String match = call.request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
    if (a.etag().equals(match)) {
      call.response.setStatus(304);
      call.callback.succeeded();
      return;
    }
    call.send(200, a.type(), a.bytes());
  }

  private static String type(String f) {
    if (f.endsWith(".html")) {
      return "text/html";
    }
    if (f.endsWith(".css")) {
      return "text/css";
    }
    return "text/javascript";
  }

  /** The CSP sources of the batch report's inline scripts: rendered once, empty, and hashed. */
  static String reportScripts() {
    StringWriter w = new StringWriter();
    try {
      HtmlReport r = new HtmlReport();
      r.begin(w);
      r.end(new BatchSummary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(w.toString());
    while (m.find()) {
      byte[] digest = digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      sb.append(sb.length() == 0 ? "" : " ")
          .append("'sha256-")
          .append(Base64.getEncoder().encodeToString(digest))
          .append('\'');
    }
    return sb.toString();
  }

  private static String sha256(byte[] b) {
    return java.util.HexFormat.of().formatHex(digest(b));
  }

  private static byte[] digest(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
