package io.venuerisk.serve;

import io.venuerisk.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request being answered: what it asks, and the ways to answer it exactly once. */
final class Call {
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  final Request request;
  final Response response;
  final Callback callback;
  private final Limits limits;
  private Fields query;
  // set once the request body has been read to its end; see problem()
  private boolean bodyRead;
  // the body was read (or thrown away) as far as this call will read it
  private boolean drained;

  /** The body limits and deadline of this server. */
  record Limits(long maxBody, long maxBatchBody, long bodyTimeoutMillis) {}

  Call(Request request, Response response, Callback callback, Limits limits) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.limits = limits;
  }

  Limits limits() {
    return limits;
  }

  String query(String name) {
    if (query == null) {
      query = Request.extractQueryParameters(request);
    }
    return query.getValue(name);
  }

  /** Every value of a query parameter given more than once, in order; empty when absent. */
  java.util.List<String> queryAll(String name) {
    query(name);
    java.util.List<String> values = query.getValues(name);
    return values == null ? java.util.List.of() : values;
  }

  /** What error messages call the body: the {@code name} query parameter, else "body". */
  String inputName() {
    String n = query("name");
    return n == null || n.isBlank() ? "body" : n.strip();
  }

  /** The media type of the body, lower case, without parameters; "" when none is given. */
  String mediaType() {
    return mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
  }

  /** A Content-Type header's media type, lower case, without parameters; "" for none. */
  static String mediaType(String ct) {
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** 415 unless the body is JSON (scenario routes). */
  void requireJson() {
    String t = mediaType();
    if (!t.equals(JSON)) {
      throw Problem.of(
          Problem.Type.UNSUPPORTED_MEDIA_TYPE,
          (t.isEmpty() ? "no Content-Type" : "Content-Type " + t)
              + "; this route reads a scenario as application/json"
              + " (with curl: -H 'Content-Type: application/json')");
    }
  }

  /** The body within the scenario limit, then {@code then} (errors in it are answered). */
  void body(Consumer<byte[]> then) {
    Body.bytes(
        request,
        limits.maxBody(),
        limits.bodyTimeoutMillis(),
        bytes -> {
          bodyRead = true;
          guard(() -> then.accept(bytes));
        },
        failure -> fail(failure, limits.maxBody(), "--max-body"));
  }

  /** Answers a body that did not arrive whole, and closes the connection. */
  void fail(Body.Failure failure, long limit, String option) {
    drained = true;
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    switch (failure) {
      case TOO_LARGE ->
          problem(
              Problem.of(
                  Problem.Type.BODY_TOO_LARGE,
                  inputName()
                      + ": the request body is larger than "
                      + limit
                      + " bytes, this server's limit for the"
                      + " route ("
                      + option
                      + "; see docs/api.md)"));
      case TIMEOUT ->
          problem(
              Problem.of(
                  Problem.Type.BODY_TIMEOUT,
                  inputName()
                      + ": the request body did not arrive within "
                      + limits.bodyTimeoutMillis() / 1000.0
                      + " s (--body-timeout; see docs/api.md)"));
      case BROKEN -> callback.failed(new IOException("the client broke off the request body"));
    }
  }

  /** Runs {@code work}, answering any problem it raises. */
  void guard(Runnable work) {
    try {
      work.run();
    } catch (Throwable t) {
      Api.answer(this, t);
    }
  }

  /**
   * Whether the client asked for indented JSON: {@code ?pretty} or {@code ?pretty=true}, or {@code
   * pretty=true} as a parameter of a media range it accepts ({@code Accept: application/json;
   * pretty=true}). Otherwise every JSON answer is on one line: indenting cost a third of the
   * server's CPU per assessment, for bytes a program does not read.
   */
  boolean indent() {
    return indent(request);
  }

  /** As {@link #indent()}, for an answer given outside a call (Jetty's own errors). */
  static boolean indent(Request request) {
    String q = Request.extractQueryParameters(request).getValue("pretty");
    if (q != null) {
      return q.isEmpty() || q.equalsIgnoreCase("true");
    }
    for (String accept : request.getHeaders().getValuesList(HttpHeader.ACCEPT)) {
      for (String range : accept.split(",")) {
        String[] parts = range.split(";");
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].strip().replace(" ", "").equalsIgnoreCase("pretty=true")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** 400 for a {@code pretty} parameter that is neither true nor false. */
  void checkIndent() {
    String q = query("pretty");
    if (q != null && !q.isEmpty() && !q.equalsIgnoreCase("true") && !q.equalsIgnoreCase("false")) {
      throw Problem.of(
          Problem.Type.BAD_REQUEST,
          "pretty: '"
              + q
              + "' is not true or false; give ?pretty for indented JSON, or leave it out for"
              + " JSON on one line");
    }
  }

  /** A value as JSON, indented if the client asked for it, else on one line. */
  void json(int status, Object value) {
    send(status, JSON, json(value, indent()));
  }

  /** One of two renderings made once: the indented one if the client asked for it. */
  void json(int status, String contentType, Both both) {
    send(status, contentType, indent() ? both.indented() : both.compact());
  }

  /** An answer rendered both ways once, when the server starts. */
  record Both(byte[] compact, byte[] indented) {
    static Both of(Object value) {
      return new Both(json(value, false), json(value, true));
    }
  }

  /**
   * What an io report writes, as UTF-8 bytes: the command line's rendering, called as it calls it.
   */
  static byte[] render(Rendering r) {
    // straight to UTF-8 bytes: a StringWriter, then a String, then getBytes cost a third more
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(16 << 10);
    try {
      Writer w = new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8);
      r.write(w);
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes a rendering to a writer. */
  interface Rendering {
    void write(Writer w) throws IOException;
  }

  /**
   * A value through the one configured mapper of every JSON output: indented with a final newline
   * as the command line prints it, or on one line.
   */
  static byte[] json(Object value, boolean indent) {
    return render(w -> Json.write(w, value, indent));
  }

  /** The body has been read to its end, so the connection can serve the next request. */
  void bodyRead() {
    bodyRead = true;
  }

  void problem(Problem p) {
    if (!bodyRead && !drained && hasBody()) {
      // Refused before the body was read: read it and throw it away first (up to Body.DRAIN).
      // Closing with the client's bytes unread resets the connection, and the reset can destroy
      // this answer before the client reads it.
      drained = true;
      Body.read(
          request,
          0,
          limits.bodyTimeoutMillis(),
          java.io.OutputStream.nullOutputStream(),
          failure -> problem(p));
      return;
    }
    if (!bodyRead && hasBody()) {
      // Answered before the body was read (wrong route, method or type): Jetty closes such a
      // connection once the answer is sent. Saying so lets the client open a new one for its
      // next request instead of sending it down a connection that is about to close.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    if (p.type == Problem.Type.UNAUTHORIZED) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"venue-risk\"");
    }
    send(p.type.status, PROBLEM, json(p.body, indent()));
  }

  private boolean hasBody() {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  void send(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response
        .getHeaders()
        .put(
            HttpHeader.CONTENT_TYPE,
            contentType.startsWith("text/") ? contentType + "; charset=utf-8" : contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
