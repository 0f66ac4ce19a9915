package io.venuerisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Compiles a DRL folder in a fresh JVM the way a {@code --rules} folder is compiled today (the
 * classic compiler) or the way the shipped rules are built (the executable model), and prints the
 * time to a usable rule base and every error message with its file and line. Run by
 * bench/compile.sh; not a test.
 *
 * <pre>
 * java -cp target/venue-risk.jar:target/test-classes io.venuerisk.bench.CompilerSpike classic|executable DIR
 * </pre>
 */
public final class CompilerSpike {
  private CompilerSpike() {}

  @SuppressWarnings("unchecked")
  private static Class<? extends org.kie.api.builder.KieBuilder.ProjectType> projectClass(
      String n) {
    try {
      return (Class<? extends org.kie.api.builder.KieBuilder.ProjectType>) Class.forName(n);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(n + " is not on the classpath: run bench/compile.sh", e);
    }
  }

  public static void main(String[] args) throws IOException {
    boolean executable = args[0].equals("executable");
    Path dir = Path.of(args[1]);
    long t0 = System.nanoTime();
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    for (Path f : files) {
      kfs.write("src/main/resources/rules/" + f.getFileName(), Files.readString(f));
    }
    KieBuilder builder = ks.newKieBuilder(kfs);
    if (executable) {
      // on the classpath only in bench/compile.sh (bench/compile-classpath.xml resolves it)
      builder.buildAll(projectClass("org.drools.model.codegen.ExecutableModelProject"));
    } else {
      builder.buildAll();
    }
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    int rules = 0;
    if (errors.isEmpty()) {
      rules =
          ks
              .newKieContainer(builder.getKieModule().getReleaseId())
              .getKieBase()
              .getKiePackages()
              .stream()
              .mapToInt(p -> p.getRules().size())
              .sum();
    }
    long t1 = System.nanoTime();
    System.out.printf(
        "compiler=%s build_ms=%.0f rules=%d errors=%d%n",
        args[0], (t1 - t0) / 1e6, rules, errors.size());
    for (Message m : errors) {
      String text = m.getText().replace('\n', ' ');
      System.out.printf(
          "  error path=%s line=%d column=%d text=%s%n",
          m.getPath(),
          m.getLine(),
          m.getColumn(),
          text.length() > 240 ? text.substring(0, 240) + "..." : text);
    }
  }
}
