package io.venuerisk.serve;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.model.InputException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The routes and what every request goes through first: the Host check that keeps a page on another
 * site from reaching a loopback server through DNS rebinding, the bearer token on {@code /api/},
 * 404 and 405, and the rule that whatever goes wrong is answered with a problem, never a stack
 * trace.
 */
final class Api extends Handler.Abstract {
  /** What a route does with a call; it answers the call, now or later, exactly once. */
  interface Action {
    void run(Call call) throws Exception;
  }

  /** A route: a method and a path; a path segment in braces matches any one segment. */
  record Route(String method, String path, Action action) {
    boolean matches(String p) {
      if (!path.contains("{")) {
        return path.equals(p);
      }
      String[] want = path.split("/", -1);
      String[] got = p.split("/", -1);
      if (want.length != got.length) {
        return false;
      }
      for (int i = 0; i < want.length; i++) {
        boolean any = want[i].startsWith("{") && want[i].endsWith("}");
        if (any ? got[i].isEmpty() : !want[i].equals(got[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Route> routes;
  private final Call.Limits limits;
  private final byte[] token;
  private final Set<String> hosts;

  /**
   * @param token the bearer token every {@code /api/} call must carry; null for none
   * @param hosts the host names a Host header may give; null to accept any (a server bound to a
   *     non-loopback address is reached by names this one cannot know)
   */
  Api(List<Route> routes, Call.Limits limits, String token, Set<String> hosts) {
    this.routes = List.copyOf(routes);
    this.limits = limits;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.hosts = hosts;
  }

  /**
   * "; did you mean /api/assess" for a path under /api/: the route with the same last segment
   * (/api/v1/assess), else the nearest by spelling, else /api/assess, the route most clients want.
   */
  String didYouMean(String path) {
    if (!path.startsWith("/api/")) {
      return "";
    }
    List<String> api =
        routes.stream()
            .map(Route::path)
            .filter(p -> p.startsWith("/api/") && !p.contains("{"))
            .distinct()
            .toList();
    String last = path.replaceAll("/+$", "");
    last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    for (String p : api) {
      if (p.substring(p.lastIndexOf('/') + 1).equals(last)) {
        return "; did you mean " + p;
      }
    }
    // by the last segment: whole paths share "/api/", which makes any two look close
    java.util.Map<String, String> bySegment = new java.util.LinkedHashMap<>();
    api.forEach(p -> bySegment.putIfAbsent(p.substring(p.lastIndexOf('/') + 1), p));
    String near =
        io.venuerisk.model.Nearest.of(last, bySegment.keySet())
            .map(bySegment::get)
            .orElse(api.contains("/api/assess") ? "/api/assess" : null);
    return near == null ? "" : "; did you mean " + near;
  }

  List<Route> routes() {
    return routes;
  }

  /** The host names of a loopback server: its own address and the names of loopback. */
  static Set<String> loopbackHosts(InetAddress bound) {
    Set<String> s = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
    String a = bound.getHostAddress();
    s.add(a.contains(":") ? "[" + a + "]" : a);
    return s;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Call call = new Call(request, response, callback, limits);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    try {
      String path = Request.getPathInContext(request);
      checkHost(request);
      String method = request.getMethod();
      String asked = method.equals("HEAD") ? "GET" : method;
      Route found = null;
      Set<String> allowed = new LinkedHashSet<>();
      for (Route r : routes) {
        if (r.matches(path)) {
          allowed.add(r.method());
          if (r.method().equals(asked)) {
            found = r;
          }
        }
      }
      if (allowed.isEmpty()) {
        throw Problem.of(
            Problem.Type.NOT_FOUND,
            "no route "
                + path
                + didYouMean(path)
                + "; the routes are listed at"
                + " /api/openapi.json");
      }
      if (found == null) {
        if (allowed.contains("GET")) {
          allowed.add("HEAD");
        }
        String allow = String.join(", ", allowed);
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        throw Problem.of(
            Problem.Type.METHOD_NOT_ALLOWED,
            method + " " + path + " is not a route;" + " " + path + " takes " + allow);
      }
      if (path.startsWith("/api/")) {
        authorize(request);
      }
      call.checkIndent();
      found.action().run(call);
    } catch (Throwable t) {
      answer(call, t);
    }
    return true;
  }

  /** Answers whatever went wrong: a problem for the user's mistakes, 500 for ours. */
  static void answer(Call call, Throwable t) {
    // a full heap stops the server with its one line: a response written now could not be trusted
    OutOfHeap.exitIf(t);
    if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (call.response.isCommitted()) {
      // the answer is under way: all that can be said now is that it is incomplete
      call.callback.failed(t);
      return;
    }
    if (t instanceof Problem p) {
      call.problem(p);
    } else if (t instanceof InputException ie) {
      call.problem(Problem.of(ie));
    } else {
      internal(call, t);
    }
  }

  /** A bug: the trace goes to the server's stderr, the client gets an id to report. */
  private static void internal(Call call, Throwable t) {
    String id = call.request.getId();
    System.err.println(
        "venue-risk: internal error answering "
            + call.request.getMethod()
            + " "
            + Request.getPathInContext(call.request)
            + " (request "
            + id
            + "): "
            + t);
    t.printStackTrace(System.err);
    call.problem(
        Problem.of(
            Problem.Type.INTERNAL,
            "internal error (request "
                + id
                + "; a bug: the server's stderr has the trace, please report it)"));
  }

  private void checkHost(Request request) {
    if (hosts == null) {
      return;
    }
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      return; // HTTP/1.0 without Host: no browser sends that
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      name = name.substring(0, colon);
    }
    if (!hosts.contains(name)) {
      throw Problem.of(
          Problem.Type.FORBIDDEN_HOST,
          "Host '"
              + host
              + "' is not this server: a"
              + " server bound to loopback answers only to "
              + String.join(", ", hosts)
              + " (a page of another site may not reach it); bind another address with --bind and"
              + " --token to serve other names");
    }
  }

  private void authorize(Request request) {
    if (token == null) {
      return;
    }
    String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String given =
        h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    if (given == null) {
      throw Problem.of(
          Problem.Type.UNAUTHORIZED,
          "this server requires its token on every /api/"
              + " call: send the header 'Authorization: Bearer TOKEN'");
    }
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw Problem.of(Problem.Type.UNAUTHORIZED, "the bearer token is not this server's token");
    }
  }

  /** Every route as "METHOD path", for the OpenAPI check. */
  List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      out.add(r.method() + " " + r.path());
    }
    return out;
  }
}
