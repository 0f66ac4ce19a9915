package io.venuerisk.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import java.util.List;

/**
 * An RFC 9457 problem ({@code application/problem+json}): why a request was refused, with the same
 * one-line message the command line prints for the same input in {@code detail}, and where the
 * message says so the parts of it ({@code field}, {@code line}, {@code column}, {@code record}) as
 * members a page can act on. Thrown by endpoints; the router turns it into the response.
 */
final class Problem extends RuntimeException {
  /**
   * Problem types, documented in docs/api.md; the title is the same for every problem of a type.
   */
  enum Type {
    INVALID_INPUT(400, "invalid-input", "The input is not a valid scenario or calendar"),
    BAD_REQUEST(400, "bad-request", "The request is malformed"),
    UNAUTHORIZED(401, "unauthorized", "A bearer token is required"),
    FORBIDDEN_HOST(403, "forbidden-host", "The Host header does not name this server"),
    NOT_FOUND(404, "not-found", "No such route"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The route does not take this method"),
    BODY_TIMEOUT(408, "body-timeout", "The request body did not arrive in time"),
    BODY_TOO_LARGE(413, "body-too-large", "The request body is over the limit"),
    UNSUPPORTED_MEDIA_TYPE(
        415, "unsupported-media-type", "The body's Content-Type is not one this route reads"),
    UNAVAILABLE(503, "unavailable", "The server is stopping"),
    INTERNAL(500, "internal", "Internal error");

    final int status;
    final String slug;
    final String title;

    Type(int status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }

    String uri() {
      return "urn:venue-risk:problem:" + slug;
    }
  }

  final Type type;
  final ObjectNode body;

  private Problem(Type type, String detail, ObjectNode body) {
    super(detail, null, false, false);
    this.type = type;
    this.body = body;
  }

  static Problem of(Type type, String detail) {
    return new Problem(type, detail, base(type, type.status, detail));
  }

  /** A bad scenario or calendar. */
  static Problem of(InputException e) {
    return of(Type.INVALID_INPUT, e);
  }

  /** An input refused for its size, with the command line's message for it. */
  static Problem tooLarge(InputException e) {
    return of(Type.BODY_TOO_LARGE, e);
  }

  private static Problem of(Type t, InputException e) {
    ObjectNode o = base(t, t.status, e.getMessage());
    where(o, e);
    return new Problem(t, e.getMessage(), o);
  }

  /** The first of several bad records answers for the request; {@code errors} lists them all. */
  static Problem of(List<InputException> errors) {
    Problem first = of(errors.get(0));
    if (errors.size() > 1) {
      var arr = first.body.putArray("errors");
      for (InputException e : errors) {
        ObjectNode x = arr.addObject();
        x.put("detail", e.getMessage());
        where(x, e);
      }
    }
    return first;
  }

  /**
   * A warning of a batch (a recurring event cut at the expansion window), as a line of the JSON
   * Lines report's trailer: not a problem, since its record was scored, so it has {@code warning}
   * where a problem has {@code type} and {@code detail}.
   */
  static ObjectNode warning(InputException e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("warning", e.getMessage());
    where(o, e);
    return o;
  }

  Problem with(String member, String value) {
    body.put(member, value);
    return this;
  }

  private static ObjectNode base(Type type, int status, String detail) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", type.uri());
    o.put("title", type.title);
    o.put("status", status);
    o.put("detail", detail);
    return o;
  }

  private static void where(ObjectNode o, InputException e) {
    io.venuerisk.io.Rejections.where(o, e);
  }
}
