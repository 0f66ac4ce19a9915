package io.venuerisk.engine;

import io.venuerisk.model.InputException;
import io.venuerisk.reference.ReferenceData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled rule base and the DRL it came from. The shipped rules are compiled to an executable
 * model at build time (see pom.xml), which keeps a cold start short; a user's rule folder is
 * compiled at run time by the classic compiler, whose errors carry file, line and column.
 */
public final class RuleBase {
  private static final String MODEL_LIST = "META-INF/kie/io.venuerisk/venue-risk/drools-model";
  private static final String SHIPPED_DIR = "io/venuerisk/rules";

  private final KieBase kieBase;
  private final String origin;
  // the shipped DRL is read from the jar on first use (the catalogue, explain), not at start-up
  private volatile Map<String, String> sources;
  private volatile List<RuleInfo> catalogue;

  private RuleBase(KieBase kieBase, String origin, Map<String, String> sources) {
    this.kieBase = kieBase;
    this.origin = origin;
    this.sources = sources;
  }

  /** The rules shipped in the jar, from the executable model generated at build time. */
  public static RuleBase shipped() {
    ClassLoader cl = RuleBase.class.getClassLoader();
    List<Model> models = new ArrayList<>();
    try (InputStream in = cl.getResourceAsStream(MODEL_LIST)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no compiled rules (" + MODEL_LIST + ")");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.trim();
        if (!line.isEmpty() && !line.startsWith("Drools-Model-Version")) {
          models.add((Model) Class.forName(line, true, cl).getDeclaredConstructor().newInstance());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the compiled rules: " + e, e);
    }
    return new RuleBase(KieBaseBuilder.createKieBaseFromModel(models), "shipped rules", null);
  }

  /**
   * Compiles every {@code *.drl} directly inside {@code dir} (no other file, no sub-folder: a rule
   * folder is code and only what the user named is loaded), and checks the rule conventions ({@link
   * RuleChecker}) against the guide statements of the bundled reference data.
   *
   * @throws RulesException with every compiler error and broken convention, by file and line
   * @throws InputException if {@code dir} does not exist or is not a folder
   */
  public static RuleBase fromFolder(Path dir) {
    return fromFolder(dir, ReferenceData.bundled().statements().keySet());
  }

  /**
   * As {@link #fromFolder(Path)}, with the guide statement ids a rule may cite.
   *
   * @throws RulesException with every compiler error and broken convention, by file and line
   */
  public static RuleBase fromFolder(Path dir, Collection<String> statementIds) {
    return fromFolder(dir, statementIds, false);
  }

  /**
   * As {@link #fromFolder(Path, Collection)}; unless {@code allowUnsafe}, a folder whose rules
   * could reach outside the engine ({@link RuleSafety}) is refused: its DRL is checked before it is
   * compiled, and the classes the compiler generated are checked before a rule base is made from
   * them.
   *
   * @throws RulesException with every unsafe use, compiler error and broken convention
   */
  public static RuleBase fromFolder(
      Path dir, Collection<String> statementIds, boolean allowUnsafe) {
    Map<String, String> sources = readFolder(dir);
    RuleSafety.Checked checked = null;
    if (!allowUnsafe) {
      // before compiling: the compiler itself evaluates parts of the DRL
      checked = RuleSafety.checkSources(dir, sources);
      if (!checked.problems().isEmpty()) {
        throw new RulesException(checked.problems());
      }
    }
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      kfs.write("src/main/resources/" + SHIPPED_DIR + "/" + e.getKey(), e.getValue());
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<RuleProblem> problems = new ArrayList<>();
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      if (RuleChecker.redundant(m)) {
        continue;
      }
      String path =
          m.getPath() == null ? dir.toString() : dir.resolve(fileName(m.getPath())).toString();
      problems.add(
          new RuleProblem(path, m.getLine(), m.getColumn(), RuleChecker.describe(m.getText())));
    }
    problems.addAll(RuleChecker.conventions(dir, sources, statementIds));
    if (!problems.isEmpty()) {
      problems.sort(RuleChecker.ORDER);
      throw new RulesException(problems);
    }
    if (checked != null) {
      if (!checked.unresolved().isEmpty()) {
        throw new RulesException(checked.unresolved()); // Drools resolved what the check could not
      }
      // the guarantee: every class generated for the folder, read before any rule base uses it
      List<RuleProblem> unsafe = RuleSafety.checkCompiled(checked, builder);
      if (!unsafe.isEmpty()) {
        throw new RulesException(unsafe);
      }
    }
    KieBase kb = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
    RuleBase rb = new RuleBase(kb, dir.toString(), sources);
    rb.rules(); // metadata problems surface now, not halfway through a batch
    return rb;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /** "shipped rules" or the folder the rules came from. */
  public String origin() {
    return origin;
  }

  /** DRL file name to its text. */
  public Map<String, String> sources() {
    Map<String, String> s = sources;
    if (s == null) {
      s = shippedSources();
      sources = s;
    }
    return s;
  }

  /** Every rule with its metadata and where it is written, sorted by id. */
  public List<RuleInfo> rules() {
    List<RuleInfo> c = catalogue;
    if (c == null) {
      c = buildCatalogue();
      catalogue = c;
    }
    return c;
  }

  private List<RuleInfo> buildCatalogue() {
    Map<String, String> src = sources();
    List<RuleInfo> out = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        RuleInfo.Location where = RuleInfo.locate(src, rule.getName());
        try {
          out.add(new RuleInfo(RuleMetaCache.of(rule), where.file(), where.line()));
        } catch (IllegalArgumentException e) {
          problems.add(
              new RuleProblem(
                  origin + "/" + where.file(),
                  where.line(),
                  0,
                  "rule \"" + rule.getName() + "\": " + e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    out.sort(
        Comparator.comparing((RuleInfo r) -> r.meta().id()).thenComparing(r -> r.meta().title()));
    return List.copyOf(out);
  }

  private static Map<String, String> readFolder(Path dir) {
    if (!Files.exists(dir)) {
      throw InputException.of(dir.toString(), "no such folder; expected a folder of .drl files");
    }
    if (!Files.isDirectory(dir)) {
      throw InputException.of(
          dir.toString(), "is a file, not a folder; expected a folder of .drl files");
    }
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
        sources.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new RulesException(
          List.of(new RuleProblem(dir.toString(), 0, 0, "cannot read: " + e.getMessage())));
    }
    if (sources.isEmpty()) {
      throw new RulesException(
          List.of(new RuleProblem(dir.toString(), 0, 0, "holds no .drl file")));
    }
    return sources;
  }

  private static Map<String, String> shippedSources() {
    try {
      // several class-path entries may hold the package (tests add their own classes to it):
      // the DRL sits in the one built from rules/
      var urls = RuleBase.class.getClassLoader().getResources(SHIPPED_DIR);
      while (urls.hasMoreElements()) {
        URI uri = urls.nextElement().toURI();
        Map<String, String> found;
        if ("jar".equals(uri.getScheme())) {
          try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
            found = readShipped(fs.getPath(SHIPPED_DIR));
          }
        } else {
          found = readShipped(Path.of(uri));
        }
        if (!found.isEmpty()) {
          return found;
        }
      }
      return Map.of();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the shipped rule sources: " + e, e);
    }
  }

  private static Map<String, String> readShipped(Path dir) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
