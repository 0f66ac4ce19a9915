package io.venuerisk.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body within a size limit and a deadline for the whole body, holding no thread
 * while bytes are awaited: a client that sends one byte a second keeps Jetty's idle timeout from
 * firing, but not this deadline.
 */
final class Body {
  private Body() {}

  /** How a body ended, when it did not arrive whole. */
  enum Failure {
    TOO_LARGE,
    TIMEOUT,
    BROKEN
  }

  /** Receives the outcome once: {@code failure} is null when the body is complete. */
  interface Done {
    void done(Failure failure);
  }

  /** Copies the body into {@code sink}, then calls {@code done} exactly once. */
  static void read(Request request, long limit, long timeoutMillis, OutputStream sink, Done done) {
    long declared = request.getLength();
    if (declared > limit + DRAIN) {
      done.done(Failure.TOO_LARGE);
      return;
    }
    new Reader(request, limit, sink, done).start(timeoutMillis);
  }

  /**
   * Bytes past the limit read and thrown away before a body too large is refused. A server that
   * answers and closes with the client's bytes still unread in its socket resets the connection,
   * and the reset can destroy the answer on its way to the client; reading a modest excess first
   * lets the answer arrive. A larger body is refused at once.
   */
  static final long DRAIN = 1 << 20;

  /** The body as bytes. */
  static void bytes(
      Request request,
      long limit,
      long timeoutMillis,
      Consumer<byte[]> ok,
      Consumer<Failure> failed) {
    ByteArrayOutputStream sink =
        new ByteArrayOutputStream((int) Math.min(Math.max(request.getLength(), 0) + 1, 1 << 16));
    read(
        request,
        limit,
        timeoutMillis,
        sink,
        f -> {
          if (f == null) {
            ok.accept(sink.toByteArray());
          } else {
            failed.accept(f);
          }
        });
  }

  private static final class Reader implements Runnable {
    private final Request request;
    private final long limit;
    private final WritableByteChannel sink;
    private final Done done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Scheduler.Task timer;
    private long count;

    Reader(Request request, long limit, OutputStream sink, Done done) {
      this.request = request;
      this.limit = limit;
      this.sink = Channels.newChannel(sink);
      this.done = done;
    }

    void start(long timeoutMillis) {
      timer =
          request
              .getComponents()
              .getScheduler()
              .schedule(() -> finish(Failure.TIMEOUT), timeoutMillis, TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        try {
          if (Content.Chunk.isFailure(chunk)) {
            // a transient failure is Jetty's idle timeout: the client went silent
            finish(chunk.isLast() ? Failure.BROKEN : Failure.TIMEOUT);
            return;
          }
          ByteBuffer b = chunk.getByteBuffer();
          count += b.remaining();
          if (count > limit) {
            // over the limit: read on and discard, so the refusal is not lost to a reset
            if (chunk.isLast() || count > limit + DRAIN) {
              finish(Failure.TOO_LARGE);
              return;
            }
            continue;
          }
          while (b.hasRemaining()) {
            sink.write(b);
          }
          if (chunk.isLast()) {
            finish(null);
            return;
          }
        } catch (IOException e) {
          finish(Failure.BROKEN);
          return;
        } finally {
          chunk.release();
        }
      }
    }

    private void finish(Failure failure) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      Scheduler.Task t = timer;
      if (t != null) {
        t.cancel();
      }
      done.done(failure);
    }
  }
}
