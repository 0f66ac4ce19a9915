package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/venue-risk}, the real script, run as a user runs it against the packaged jar (an
 * integration test: failsafe runs it in {@code verify}, after {@code package} has built the jar).
 * Each test gets its own installation (the script, the scenarios it trains on, a copy of the jar)
 * in a temporary folder, so that no test sees another's cache, and a home folder of its own.
 *
 * <p>What users rely on: the same bytes and exit code as plain {@code java -jar}, on JDK 17 (AppCDS
 * archive) and JDK 25 (AOT cache); one cache, trained once and reused; a new one when the jar
 * changes; concurrent first runs that all succeed; and a clean run when nothing can be written.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherIT {
  static final Path JAR = Path.of(System.getProperty("venue-risk.jar", "target/venue-risk.jar"));
  static final Path SCRIPT = Path.of("bin", "venue-risk");
  static final String SCENARIO = "scenarios/christmas-market-cologne-2026.json";
  static final String CALENDAR = "scenarios/calendars/euro-2024.csv";
  static final Pattern CACHE = Pattern.compile("venue-risk-\\d+-\\d+\\.(aot|jsa)");

  @TempDir Path dir;

  static final Map<String, Run> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();

  // ---- what the tests check ----

  @ParameterizedTest(name = "JDK {0}")
  @ValueSource(ints = {17, 25})
  void theFirstRunTrainsACacheThatLaterRunsReuseAndEveryRunPrintsWhatPlainJavaJarPrints(int major)
      throws Exception {
    Path java = jdk(major);
    Install in = install();
    String[][] commands = {
      {"assess", SCENARIO},
      {"explain", SCENARIO},
      {"assess", "scenarios/no-such-file.json"},
    };

    Run first = in.launcher(java, commands[0]);
    assertThat(first).isEqualTo(in.plain(java, commands[0]));
    Path cache = in.onlyCache();
    assertThat(cache.getFileName().toString()).endsWith(major >= 25 ? ".aot" : ".jsa");
    assertThat(valid(java, cache, in.jar)).as("the JVM maps %s", cache).isTrue();
    Object key = Files.readAttributes(cache, "unix:ino").get("ino");
    FileTime made = Files.getLastModifiedTime(cache);

    for (String[] c : commands) {
      Run plain = in.plain(java, c);
      assertThat(in.launcher(java, c)).as(String.join(" ", c)).isEqualTo(plain);
    }
    assertThat(in.plain(java, commands[2]).exit)
        .as("a missing file is an input error")
        .isEqualTo(3);
    assertThat(in.onlyCache()).as("not retrained").isEqualTo(cache);
    assertThat(Files.readAttributes(cache, "unix:ino").get("ino")).isEqualTo(key);
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(made);

    // and the runs really load their classes from the cache, those of explain and batch too
    // (the training runs all four commands), with the log in a file, not on stdout
    assertThat(loadedFrom(in, java, "io.venuerisk.cli.VenueRisk", "assess", SCENARIO))
        .contains("source: shared objects file");
    assertThat(loadedFrom(in, java, "io.venuerisk.engine.FiringLog", "explain", SCENARIO))
        .contains("source: shared objects file");
    assertThat(loadedFrom(in, java, "io.venuerisk.batch.BatchRun", "batch", CALENDAR, "--quiet"))
        .contains("source: shared objects file");
    assertThat(in.onlyCache()).isEqualTo(cache);
  }

  /** The class-load log line of one class in a launcher run, whose output must be plain java's. */
  String loadedFrom(Install in, Path java, String className, String... args) throws Exception {
    Path log = dir.resolve("class-load.log");
    Files.deleteIfExists(log);
    Run logged = in.launcher(java, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + log), args);
    Run plain = in.plain(java, args);
    assertThat(logged.out()).isEqualTo(plain.out());
    assertThat(logged.exit()).isEqualTo(plain.exit());
    // batch's summary on stderr ends with its run time
    assertThat(logged.err().replaceAll("[0-9.]+ s\\b", "_ s"))
        .isEqualTo(plain.err().replaceAll("[0-9.]+ s\\b", "_ s"));
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains(" " + className + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(className + " not loaded by " + List.of(args)));
  }

  @Test
  void aChangedJarGetsANewCacheAndTheOldOneIsDeleted() throws Exception {
    Path java = ownJdk();
    Install in = install();
    in.launcher(java, "assess", SCENARIO);
    Path old = in.onlyCache();

    // a rebuilt jar: one more entry, so another size and time
    try (FileSystem zip =
        FileSystems.newFileSystem(URI.create("jar:" + in.jar.toUri()), Map.of())) {
      Files.writeString(zip.getPath("META-INF", "rebuilt.txt"), "rebuilt\n");
    }
    Files.setLastModifiedTime(in.jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    Run run = in.launcher(java, "assess", SCENARIO);
    assertThat(run).isEqualTo(in.plain(java, "assess", SCENARIO));
    Path fresh = in.onlyCache();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(old).doesNotExist();
    assertThat(valid(java, fresh, in.jar)).isTrue();
  }

  @Test
  void javaHomeOrJavaChoosesTheJdkAndEachJdkGetsItsOwnCache() throws Exception {
    Path java17 = jdk(17);
    Path java25 = jdk(25);
    Install in = install();
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", java25.getParent().getParent().toString());
    Run viaHome = in.launcher(null, env, List.of(), "--version");
    assertThat(viaHome).isEqualTo(in.plain(java25, "--version"));
    assertThat(viaHome.out()).contains("Java 25");
    env.put("JAVA", java17.toString());
    Run viaJava = in.launcher(null, env, List.of(), "--version");
    assertThat(viaJava).as("JAVA wins over JAVA_HOME").isEqualTo(in.plain(java17, "--version"));
    assertThat(viaJava.out()).contains("Java 17");

    List<Path> caches = in.caches();
    assertThat(caches)
        .extracting(p -> p.getFileName().toString().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrder("jsa", "aot");
    assertThat(in.others()).isEmpty();
    // back to 17: its cache is still there and used, not retrained
    Path jsa = caches.stream().filter(p -> p.toString().endsWith(".jsa")).findFirst().orElseThrow();
    FileTime made = Files.getLastModifiedTime(jsa);
    assertThat(in.launcher(java17, "assess", SCENARIO))
        .isEqualTo(in.plain(java17, "assess", SCENARIO));
    assertThat(in.caches()).isEqualTo(caches);
    assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(made);

    // a collector chosen in JAVA_OPTS replaces the launcher's (the JVM refuses two)
    Run parallel =
        in.launcher(java17, Map.of("JAVA_OPTS", "-XX:+UseParallelGC"), "assess", SCENARIO);
    assertThat(parallel).isEqualTo(in.plain(java17, "assess", SCENARIO));

    // neither set: the java on the PATH
    Path onPath =
        Path.of(new ProcessBuilder("sh", "-c", "command -v java").start().inputReader().readLine());
    assertThat(in.launcher(null, Map.of(), List.of(), "--version"))
        .isEqualTo(in.plain(onPath, "--version"));
  }

  @ParameterizedTest(name = "JDK {0}")
  @ValueSource(ints = {17, 25})
  void twoConcurrentFirstRunsBothSucceedAndLeaveOneValidCache(int major) throws Exception {
    Path java = jdk(major);
    Install in = install();
    Run plain = in.plain(java, "assess", SCENARIO);
    Process a = in.start(java, Map.of(), "a", "assess", SCENARIO);
    Process b = in.start(java, Map.of(), "b", "assess", SCENARIO);
    Run ra = in.finish(a, "a");
    Run rb = in.finish(b, "b");
    assertThat(ra).isEqualTo(plain);
    assertThat(rb).isEqualTo(plain);
    Path cache = in.onlyCache();
    assertThat(valid(java, cache, in.jar)).isTrue();
    assertThat(in.launcher(java, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(in.onlyCache()).isEqualTo(cache);
  }

  @Test
  void aRunThatFindsATrainingUnderWayRunsWithoutTheCacheAndAStaleLockIsCleared() throws Exception {
    Path java = ownJdk();
    Install in = install();
    Run plain = in.plain(java, "assess", SCENARIO);
    in.launcher(java, "assess", SCENARIO);
    Path cache = in.onlyCache();
    Files.delete(cache);

    // a training under way: its lock folder names a live process (this JVM)
    Path lock = cache.resolveSibling(cache.getFileName() + ".lock");
    Files.createDirectory(lock);
    Files.writeString(lock.resolve("pid"), ProcessHandle.current().pid() + "\n");
    assertThat(in.launcher(java, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(in.caches()).as("no second training").isEmpty();
    assertThat(lock.resolve("pid")).as("the other run's lock is left alone").exists();

    // the training was killed: its process is gone
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(lock.resolve("pid"), gone.pid() + "\n");
    assertThat(in.launcher(java, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(lock).as("a stale lock is removed").doesNotExist();
    assertThat(in.launcher(java, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(in.onlyCache()).isEqualTo(cache);
  }

  @Test
  void aReadOnlyJarFolderPutsTheCacheInTheUserCacheFolder() throws Exception {
    Path java = ownJdk();
    Install in = install();
    Path home = Files.createDirectories(dir.resolve("home"));
    List<String> as = readOnly(in, home, true);
    Run plain = in.plain(java, "assess", SCENARIO);
    assertThat(in.launcher(java, Map.of(), as, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(in.caches()).isEmpty();
    Path user = home.resolve(".cache").resolve("venue-risk");
    List<Path> caches = list(user);
    assertThat(caches)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getFileName().toString())
                    .matches("venue-risk-\\d+-\\d+-\\d+\\.(aot|jsa)"));
    FileTime made = Files.getLastModifiedTime(caches.get(0));
    assertThat(in.launcher(java, Map.of(), as, "assess", SCENARIO)).isEqualTo(plain);
    assertThat(list(user)).isEqualTo(caches);
    assertThat(Files.getLastModifiedTime(caches.get(0))).as("reused").isEqualTo(made);
  }

  @Test
  void withNowhereToWriteACacheTheRunIsPlainJavaJar() throws Exception {
    Path java = ownJdk();
    Install in = install();
    Path home = Files.createDirectories(dir.resolve("home"));
    List<String> as = readOnly(in, home, false);
    Run plain = in.plain(java, "assess", SCENARIO);
    for (int i = 0; i < 2; i++) {
      Run run = in.launcher(java, Map.of(), as, "assess", SCENARIO);
      assertThat(run).isEqualTo(plain);
      assertThat(run.err).isEmpty();
    }
    Run bad = in.launcher(java, Map.of(), as, "assess", "scenarios/no-such-file.json");
    assertThat(bad).isEqualTo(in.plain(java, "assess", "scenarios/no-such-file.json"));
    assertThat(bad.exit).isEqualTo(3);
    assertThat(in.others()).isEmpty();
    try (Stream<Path> s = Files.walk(home)) {
      assertThat(s.filter(Files::isRegularFile)).isEmpty();
    }
  }

  // ---- an installation in a temporary folder ----

  Install install() throws IOException {
    Path root = dir.resolve("install");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(SCRIPT, bin.resolve("venue-risk"), StandardCopyOption.COPY_ATTRIBUTES);
    copyTree(Path.of("scenarios"), root.resolve("scenarios"));
    Path target = Files.createDirectories(root.resolve("target"));
    Files.copy(JAR, target.resolve("venue-risk.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    return new Install(root, target, target.resolve("venue-risk.jar"), dir);
  }

  record Run(int exit, String out, String err) {}

  record Install(Path root, Path target, Path jar, Path scratch) {
    /**
     * {@code java -jar target/venue-risk.jar ARGS}, from the installation's folder; run once per
     * JDK, command line and jar (size and time), since every installation copies the same jar.
     */
    Run plain(Path java, String... args) throws Exception {
      List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
      cmd.addAll(Arrays.asList(args));
      String key =
          java + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar) + " " + List.of(args);
      Run known = PLAIN.get(key);
      if (known == null) {
        known = finish(start(cmd, Map.of(), "plain"), "plain");
        PLAIN.put(key, known);
      }
      return known;
    }

    Run launcher(Path java, String... args) throws Exception {
      return launcher(java, Map.of(), args);
    }

    Run launcher(Path java, Map<String, String> env, String... args) throws Exception {
      return launcher(java, env, List.of(), args);
    }

    /** bin/venue-risk ARGS, with JAVA set to {@code java} unless null, run by {@code as}. */
    Run launcher(Path java, Map<String, String> env, List<String> as, String... args)
        throws Exception {
      return finish(start(java, env, as, "run", args), "run");
    }

    Process start(Path java, Map<String, String> env, String name, String... args)
        throws IOException {
      return start(java, env, List.of(), name, args);
    }

    Process start(Path java, Map<String, String> env, List<String> as, String name, String... args)
        throws IOException {
      Map<String, String> e = new HashMap<>(env);
      if (java != null) {
        e.putIfAbsent("JAVA", java.toString());
      }
      List<String> cmd = new ArrayList<>(as);
      cmd.add(root.resolve("bin").resolve("venue-risk").toString());
      cmd.addAll(Arrays.asList(args));
      return start(cmd, e, name);
    }

    private Process start(List<String> cmd, Map<String, String> env, String name)
        throws IOException {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
      Map<String, String> e = pb.environment();
      // what the user's shell would not have set: nothing of the build's own JVM settings
      for (String k :
          List.of(
              "JAVA",
              "JAVA_HOME",
              "JAVA_OPTS",
              "JAVA_TOOL_OPTIONS",
              "JDK_JAVA_OPTIONS",
              "VENUE_RISK_JAR",
              "XDG_CACHE_HOME",
              "MAVEN_OPTS")) {
        e.remove(k);
      }
      e.put("HOME", scratch.resolve("home").toString());
      e.putAll(env);
      pb.redirectOutput(scratch.resolve(name + ".out").toFile());
      pb.redirectError(scratch.resolve(name + ".err").toFile());
      return pb.start();
    }

    Run finish(Process p, String name) throws Exception {
      assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("finishes").isTrue();
      return new Run(
          p.exitValue(),
          Files.readString(scratch.resolve(name + ".out"), StandardCharsets.UTF_8),
          Files.readString(scratch.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    List<Path> caches() throws IOException {
      return list(target).stream()
          .filter(p -> CACHE.matcher(p.getFileName().toString()).matches())
          .toList();
    }

    /**
     * The one cache beside the jar, and nothing else left there (no lock, temporary file, crash
     * log).
     */
    Path onlyCache() throws IOException {
      assertThat(others()).as("files beside the jar").isEmpty();
      assertThat(caches()).hasSize(1);
      return caches().get(0);
    }

    /** Files beside the jar that are neither the jar nor a cache. */
    List<Path> others() throws IOException {
      return list(target).stream()
          .filter(p -> !p.equals(jar) && !CACHE.matcher(p.getFileName().toString()).matches())
          .toList();
    }
  }

  // ---- JDKs ----

  /** A JDK of this major version: the one running the tests, or one under /usr/lib/jvm. */
  static Path jdk(int major) throws IOException {
    Path own = Path.of(System.getProperty("java.home"));
    if (major(own) == major) {
      return own.resolve("bin").resolve("java");
    }
    Path jvms = Path.of("/usr/lib/jvm");
    Optional<Path> found = Optional.empty();
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        found =
            s.filter(p -> !Files.isSymbolicLink(p))
                .filter(
                    p -> major(p) == major && Files.isExecutable(p.resolve("bin").resolve("java")))
                .sorted(Comparator.reverseOrder())
                .findFirst();
      }
    }
    assumeTrue(
        found.isPresent(), "no JDK " + major + " here (the test's own or under /usr/lib/jvm)");
    return found.get().resolve("bin").resolve("java");
  }

  /**
   * The JDK running the tests, for what does not depend on the JDK (locks, folders, checksums): CI
   * runs the suite on JDK 17 and on JDK 25, so both pass through these tests too.
   */
  static Path ownJdk() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static int major(Path jdkHome) {
    try {
      Matcher m =
          Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
              .matcher(Files.readString(jdkHome.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The JVM itself, strict about it (-Xshare:on, AOTMode=on), maps the cache for the jar. */
  static boolean valid(Path java, Path cache, Path jar) throws Exception {
    boolean aot = cache.getFileName().toString().endsWith(".aot");
    List<String> cmd =
        aot
            ? List.of(
                java.toString(),
                "-XX:AOTMode=on",
                "-XX:AOTCache=" + cache,
                "-cp",
                jar.toString(),
                "-version")
            : List.of(
                java.toString(),
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + cache,
                "-cp",
                jar.toString(),
                "-version");
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
  }

  // ---- a folder the launcher cannot write ----

  /**
   * Makes the installation's jar folder read-only, and the home folder writable or not; returns the
   * prefix that runs the launcher as a user for whom that holds. Permissions do not bind root, so
   * as root the launcher runs as nobody (setpriv), with the folders it must read opened.
   */
  List<String> readOnly(Install in, Path home, boolean homeWritable) throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    List<String> as = List.of();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assumeTrue(
          Files.isExecutable(Path.of("/usr/bin/setpriv")),
          "root without setpriv: cannot drop rights");
      as = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
      // the temporary folder is the owner's only; nobody must reach the installation in it
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(in.target, PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(
        home, PosixFilePermissions.fromString(homeWritable ? "rwxrwxrwx" : "r-xr-xr-x"));
    return as;
  }

  /** Gives the folders back to their owner, so that the temporary folder can be deleted. */
  @AfterEach
  void writableAgain() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  // ---- files ----

  static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(
          p -> {
            try {
              Path t = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(t);
              } else {
                Files.copy(p, t);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
