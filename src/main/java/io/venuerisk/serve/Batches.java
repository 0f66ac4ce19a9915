package io.venuerisk.serve;

import io.venuerisk.batch.BatchRun;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.BatchReport;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.Json;
import io.venuerisk.io.Reading;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Attributes;

/**
 * {@code POST /api/batch}: a calendar in the body (or a {@code calendar} part and a {@code venues}
 * part of a form), scored by the same pipeline as {@code batch}, the report in any of its formats.
 * The body is spooled to a temporary file first, as the pipeline may read a calendar twice; the
 * report, as on stdout, is complete before its first byte is sent, so the status tells the truth
 * (400 for a calendar that cannot be read at all) and a calendar read again is not sent twice.
 * Rejected records are counted in {@code Venue-Risk-Rejected}; in JSON Lines each is a problem
 * object on a line after the rows. Warnings (a recurring event cut at the expansion window) are
 * counted in {@code Venue-Risk-Warnings} and follow, each an object with {@code warning}.
 */
final class Batches {
  /** The media types of the calendar formats; the first of each is the one answered. */
  static final Map<String, CalendarFormat> INPUT_TYPES =
      Map.of(
          "application/json", CalendarFormat.json,
          "application/x-ndjson", CalendarFormat.jsonl,
          "application/jsonl", CalendarFormat.jsonl,
          "application/jsonlines", CalendarFormat.jsonl,
          "text/csv", CalendarFormat.csv,
          "text/calendar", CalendarFormat.ics);

  /** The report formats of {@code batch --format} and their media types. */
  static final Map<String, String> OUTPUT_TYPES =
      Map.of(
          "jsonl", "application/x-ndjson",
          "json", "application/json",
          "csv", "text/csv",
          "md", "text/markdown",
          "html", "text/html");

  private final Engine engine;
  private final ScenarioJson json;
  private final Path spool;
  private final int threads;

  Batches(Engine engine, ScenarioJson json, Path spool, int threads) {
    this.engine = engine;
    this.json = json;
    this.spool = spool;
    this.threads = threads;
  }

  void batch(Call call) throws IOException {
    Options options = options(call);
    String type = call.mediaType();
    boolean form = type.equals("multipart/form-data");
    if (!form && !INPUT_TYPES.containsKey(type)) {
      throw unsupported(type.isEmpty() ? "no Content-Type" : "Content-Type " + type);
    }
    if (!form && INPUT_TYPES.get(type) == CalendarFormat.ics) {
      throw Problem.of(
          Problem.Type.BAD_REQUEST,
          "iCalendar events name their venue in LOCATION:"
              + " send the calendar as multipart/form-data with a 'calendar' part and a 'venues' part"
              + " (the venue registry)");
    }
    Path body = Files.createTempFile(spool, "body-", ".tmp");
    OutOfHeap.remove(body.toFile());
    OutputStream sink = Files.newOutputStream(body);
    long limit = call.limits().maxBatchBody();
    Body.read(
        call.request,
        limit,
        call.limits().bodyTimeoutMillis(),
        sink,
        failure -> {
          try {
            sink.close();
            if (failure != null) {
              call.fail(failure, limit, "--max-batch-body");
              return;
            }
            call.bodyRead();
            call.guard(
                () -> {
                  try {
                    if (form) {
                      fromForm(call, body, options);
                    } else {
                      run(
                          call,
                          List.of(
                              new BatchRun.Input(body, INPUT_TYPES.get(type), call.inputName())),
                          null,
                          options);
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
          } catch (IOException e) {
            call.guard(
                () -> {
                  throw new java.io.UncheckedIOException(e);
                });
          } finally {
            delete(body);
          }
        });
  }

  /** The query's report options, checked as {@code batch} checks its options. */
  record Options(
      String format,
      Tier minTier,
      int top,
      BatchRun.Sort sort,
      Reading.DateOrder dateOrder,
      boolean csvBom) {}

  private static Options options(Call call) {
    String format = Optional.ofNullable(call.query("format")).orElse("jsonl").strip();
    if (!OUTPUT_TYPES.containsKey(format)) {
      throw bad(
          "format: unknown report format '"
              + format
              + "'; expected one of csv, jsonl, json, md, html");
    }
    Tier tier = null;
    String t = call.query("minTier");
    if (t != null) {
      tier =
          Tier.parse(t)
              .orElseThrow(
                  () ->
                      bad(
                          "minTier: unknown tier '"
                              + t
                              + "'; expected LOW, MODERATE, ELEVATED, HIGH or SEVERE"));
    }
    int top = 0;
    String n = call.query("top");
    if (n != null) {
      try {
        top = Integer.parseInt(n.strip());
      } catch (NumberFormatException e) {
        top = -1;
      }
      if (top < 1) {
        throw bad("top: '" + n + "' is not a whole number of 1 or more");
      }
    }
    BatchRun.Sort sort = null;
    String s = call.query("sort");
    if (s != null) {
      try {
        sort = BatchRun.Sort.valueOf(s.strip());
      } catch (IllegalArgumentException e) {
        throw bad("sort: unknown order '" + s + "'; expected input, score, date or id");
      }
    }
    Reading.DateOrder order = null;
    String d = call.query("dateOrder");
    if (d != null) {
      try {
        order = Reading.DateOrder.valueOf(d.strip());
      } catch (IllegalArgumentException e) {
        throw bad(
            "dateOrder: unknown date order '"
                + d
                + "'; expected dmy (day/month/year) or mdy (month/day/year)");
      }
    }
    // as --csv-bom: a CSV for Excel, which reads UTF-8 only after a byte order mark
    boolean bom = false;
    String b = call.query("csvBom");
    if (b != null) {
      bom =
          switch (b.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad("csvBom: '" + b + "' is not true or false");
          };
      if (bom && !format.equals("csv")) {
        throw bad("csvBom: a byte order mark is for a CSV report; add format=csv");
      }
    }
    return new Options(format, tier, top, sort, order, bom);
  }

  private void fromForm(Call call, Path body, Options options) throws IOException {
    String contentType = call.request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    MultiPartConfig config =
        new MultiPartConfig.Builder()
            .location(spool)
            .maxParts(8)
            .maxMemoryPartSize(1 << 20)
            .maxSize(call.limits().maxBatchBody())
            .build();
    MultiPartFormData.Parts parts;
    try {
      parts =
          MultiPartFormData.from(
                  Content.Source.from(body), new Attributes.Mapped(), contentType, config)
              .get(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw bad("the multipart/form-data body cannot be read: " + cause.getMessage());
    }
    List<Path> temps = new ArrayList<>();
    try (parts) {
      MultiPart.Part cal = parts.getFirst("calendar");
      if (cal == null) {
        throw bad(
            "the form has no 'calendar' part; send the calendar file as calendar=@FILE"
                + (parts.getFirst("venues") != null ? " beside venues=@FILE" : ""));
      }
      String name = partName(cal, "calendar");
      CalendarFormat format = formatOf(cal, name);
      VenueRegistry venues = null;
      MultiPart.Part v = parts.getFirst("venues");
      if (v != null) {
        java.nio.ByteBuffer buffer = Content.Source.asByteBuffer(v.createContentSource());
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        venues = VenueRegistry.read(partName(v, "venues"), bytes);
      } else if (format == CalendarFormat.ics) {
        throw bad(
            "iCalendar events name their venue in LOCATION: add the venue registry as a"
                + " 'venues' part (venues=@FILE)");
      }
      Path file = Files.createTempFile(spool, "calendar-", ".tmp");
      OutOfHeap.remove(file.toFile());
      temps.add(file);
      Files.delete(file);
      cal.writeTo(file);
      run(call, List.of(new BatchRun.Input(file, format, name)), venues, options);
    } finally {
      temps.forEach(Batches::delete);
    }
  }

  private static String partName(MultiPart.Part p, String fallback) {
    String f = p.getFileName();
    return f == null || f.isBlank() ? fallback : f;
  }

  /** The part's media type if it names a format, else its file name's extension. */
  private static CalendarFormat formatOf(MultiPart.Part p, String name) {
    String ct = p.getHeaders().get(HttpHeader.CONTENT_TYPE);
    CalendarFormat f = INPUT_TYPES.get(Call.mediaType(ct));
    if (f != null) {
      return f;
    }
    return CalendarFormat.of(Path.of("x" + extension(name)))
        .orElseThrow(
            () -> unsupported("the calendar part " + name + (ct == null ? "" : " (" + ct + ")")));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).replace('/', '_').replace('\\', '_');
  }

  private void run(Call call, List<BatchRun.Input> inputs, VenueRegistry venues, Options o)
      throws IOException {
    List<InputException> rejected = new ArrayList<>();
    List<InputException> warnings = new ArrayList<>();
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    BatchRun.Options options =
        new BatchRun.Options(threads, o.minTier(), o.top(), o.sort(), false, BatchRun.REORDER);
    BatchRun run =
        new BatchRun(
                engine,
                json.withReading(Reading.of(o.dateOrder(), "dateOrder=")),
                venues,
                inputs,
                () -> BatchReport.of(o.format(), o.csvBom(), call.indent()),
                options,
                quiet)
            .onRejected(rejected::add)
            .onWarning(warnings::add);
    // computing a large report sends nothing for a while: that is not the client's idleness
    call.request.addIdleTimeoutListener(t -> false);
    OutputStream stream = new Lazy(call, o.format(), rejected, warnings);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
    try (AtomicOutput output = AtomicOutput.to(null, out)) {
      if (BatchRun.nothingScored(run.run(output))) {
        // as batch: no report of no rows; the first rejection says why, as on the command line
        throw rejected.get(0);
      }
    }
    if (o.format().equals("jsonl")) {
      // the report lists the rejected records itself, in every format; warnings follow them
      for (InputException e : warnings) {
        out.write(Json.compact(Problem.warning(e)));
        out.write('\n');
      }
    }
    out.flush();
    if (out.checkError()) {
      call.callback.failed(new IOException("the client stopped reading the report"));
      return;
    }
    stream.close();
    call.callback.succeeded();
  }

  /** The response's stream, opened at the first byte of the report, when the count is known. */
  private static final class Lazy extends OutputStream {
    private final Call call;
    private final String format;
    private final List<InputException> rejected;
    private final List<InputException> warnings;
    private OutputStream out;

    Lazy(Call call, String format, List<InputException> rejected, List<InputException> warnings) {
      this.call = call;
      this.format = format;
      this.rejected = rejected;
      this.warnings = warnings;
    }

    private OutputStream open() {
      if (out == null) {
        call.response.setStatus(200);
        String type = OUTPUT_TYPES.get(format);
        call.response
            .getHeaders()
            .put(
                HttpHeader.CONTENT_TYPE,
                type + (type.startsWith("text/") ? "; charset=utf-8" : ""));
        call.response.getHeaders().put("Venue-Risk-Rejected", String.valueOf(rejected.size()));
        call.response.getHeaders().put("Venue-Risk-Warnings", String.valueOf(warnings.size()));
        out = Content.Sink.asOutputStream(call.response);
      }
      return out;
    }

    @Override
    public void write(int b) throws IOException {
      open().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      open().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (out != null) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      open().close();
    }
  }

  private static Problem bad(String detail) {
    return Problem.of(Problem.Type.BAD_REQUEST, detail);
  }

  private static Problem unsupported(String what) {
    return Problem.of(
        Problem.Type.UNSUPPORTED_MEDIA_TYPE,
        what
            + " is not a calendar format this"
            + " route reads: send application/json (a JSON array), application/x-ndjson (JSON Lines),"
            + " text/csv, or multipart/form-data with a 'calendar' part (and 'venues' for text/calendar)");
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
      OutOfHeap.forget(p.toFile());
    } catch (IOException e) {
      // a temporary file in the server's own folder, removed when the server stops
    }
  }
}
